using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>Reads a repository through the storage layer, then the manifests its revisions reach.</summary>
internal static class RepositoryFactsReader
{
    public static RepositoryFacts Read(RegistryStorage storage, RepositoryDirectory repository, BlobIndex blobs, ManifestCache manifests, IStorageProgress progress)
    {
        var contents = RepositoryReader.Read(storage, repository, RepositoryParts.All, blobs, progress);
        if (!contents.ValidName)
        {
            return new RepositoryFacts(contents, new Dictionary<string, ManifestSummary>());
        }

        var summaries = new Dictionary<string, ManifestSummary>(StringComparer.Ordinal);
        var pending = new Queue<string>(contents.Revisions.Hexes);
        while (pending.TryDequeue(out var hex))
        {
            if (summaries.ContainsKey(hex) || blobs.Find(hex) is not { Presence: BlobPresence.Present } entry)
            {
                continue;
            }

            var summary = manifests.Get(entry);
            summaries[hex] = summary;
            if (summary.Kind == ManifestKind.Index)
            {
                foreach (var child in summary.Children)
                {
                    pending.Enqueue(child); // an orphaned child's own references are checked too
                }
            }
        }

        return new RepositoryFacts(contents, summaries);
    }
}
