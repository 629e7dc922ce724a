namespace RegistryGuard.Pruning;

/// <summary>
/// How to turn a prune into free space. Plain garbage-collect only: on 2.8 <c>--delete-untagged</c> deletes the
/// children of tagged indexes and breaks every multi-arch image.
/// </summary>
public static class FinishingSteps
{
    public static IReadOnlyList<string> For(bool applied, bool filesystem)
    {
        if (!applied)
        {
            return ["this was a dry run: nothing changed; add --apply to prune"];
        }

        List<string> steps =
        [
            "run the registry's plain garbage collector in a read-only or stopped window: 'registry garbage-collect /etc/docker/registry/config.yml' (NEVER --delete-untagged: on 2.8 it deletes the children of kept multi-arch indexes)",
            "restart the registry afterwards: its blob-descriptor cache still answers for swept blobs until it restarts",
        ];
        if (filesystem)
        {
            steps.Insert(0, "restart the registry before serving again: it caches tags and links it has read");
        }

        return steps;
    }
}
