using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>
/// A pull-through cache's storage, compared byte for byte and mtime for mtime. distribution's proxy keeps writing after
/// it has answered: a fetched blob is stored by a background goroutine, and the TTL scheduler saves
/// <c>scheduler-state.json</c> at most every 5 s. So a snapshot counts only once two snapshots 6 s apart agree: a
/// write the probe caused cannot slip in after the "after" snapshot.
/// </summary>
internal static class CacheStorage
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(6);

    public static async Task<SortedDictionary<string, string>> SettledAsync(string storageRoot)
    {
        var previous = StorageSnapshot.TakeExact(storageRoot);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(Quiet);
            var current = StorageSnapshot.TakeExact(storageRoot);
            if (current.SequenceEqual(previous))
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException($"the storage under {storageRoot} kept changing for two minutes");
    }

    /// <summary>Every entry added, removed or changed (bytes or mtime), one per line: the assertion message.</summary>
    public static string Differences(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var lines = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
            .Select(path => (path, had: before.GetValueOrDefault(path), has: after.GetValueOrDefault(path)))
            .Where(entry => entry.had != entry.has)
            .Select(entry => entry.had is null ? "+ " + entry.path : entry.has is null ? "- " + entry.path : "~ " + entry.path);
        return string.Join('\n', lines);
    }

    /// <summary>Manifest revision links in the cache: what a walk that makes the cache fetch drives up.</summary>
    public static int RevisionLinks(SortedDictionary<string, string> snapshot) =>
        snapshot.Keys.Count(path => path.Contains("/_manifests/revisions/", StringComparison.Ordinal) && path.EndsWith("/link", StringComparison.Ordinal));

    public static int Blobs(SortedDictionary<string, string> snapshot) =>
        snapshot.Keys.Count(path => path.StartsWith("docker/registry/v2/blobs/", StringComparison.Ordinal) && path.EndsWith("/data", StringComparison.Ordinal));
}
