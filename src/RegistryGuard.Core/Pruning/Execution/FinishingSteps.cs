namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// How to turn a prune into free space. Plain garbage-collect only: on 2.8 <c>--delete-untagged</c> deletes the
/// children of tagged indexes and breaks every multi-arch image.
/// </summary>
public static class FinishingSteps
{
    public static IReadOnlyList<string> For(bool applied, bool filesystem, string? journalPath = null)
    {
        if (!applied)
        {
            return ["this was a dry run: nothing changed; add --apply to prune"];
        }

        List<string> steps =
        [
            "run the registry's plain garbage collector in a read-only or stopped window: 'registry garbage-collect /etc/docker/registry/config.yml' (NEVER --delete-untagged: on 2.8 it deletes the children of kept multi-arch indexes)",
            "restart the registry afterwards: its blob-descriptor cache still answers for swept blobs until it restarts",
            "garbage-collect leaves the repositories' _layers links of swept blobs behind: 'registryguard scan --root <storage> --fix' removes them (journaled)",
        ];
        if (filesystem)
        {
            steps.Insert(0, "restart the registry before serving again: it caches tags and links it has read");
            steps.Add($"to revert before garbage-collect: registryguard undo --journal {journalPath ?? "<journal>"} (after GC the restored links would point at swept blobs)");
        }
        else
        {
            steps.Add("to revert before garbage-collect: registryguard restore --backup <restore bundle> --registry <url>");
        }

        return steps;
    }
}
