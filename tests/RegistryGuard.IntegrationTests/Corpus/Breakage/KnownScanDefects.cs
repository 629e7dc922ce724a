using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>
/// INTERIM, removed when the scan facts refactor (issue 12) lands and the scan adopts <see cref="IndexEntry"/>: the
/// scan still reads the blob entries of a BuildKit cache index as manifests and reports them as unreadable_manifest
/// and orphaned_child. Exactly those findings are set aside here, so the breakage matrix can hold the scan to
/// everything else now; <see cref="CorpusScanPendingTests"/> holds the strict assertions.
/// </summary>
internal static class KnownScanDefects
{
    public static IReadOnlyList<JsonFinding> SetAsideIndexBlobEntries(IEnumerable<JsonFinding> findings, string v2Root)
    {
        var blobEntries = IndexBlobEntries(v2Root);
        return [.. findings.Where(f => !(f.Kind is "unreadable_manifest" or "orphaned_child"
            && f.Digest is not null && blobEntries.Contains((f.Repository, Digest.Parse(f.Digest)))))];
    }

    /// <summary>(repository, digest) of every index entry that is a blob, in every index a repository links.</summary>
    private static HashSet<(string Repository, Digest Digest)> IndexBlobEntries(string v2Root)
    {
        var result = new HashSet<(string, Digest)>();
        var repositories = Path.Combine(v2Root, "repositories");
        foreach (var revisions in Directory.EnumerateDirectories(repositories, "revisions", SearchOption.AllDirectories)
            .Where(d => Path.GetFileName(Path.GetDirectoryName(d)) == "_manifests"))
        {
            var repository = Path.GetRelativePath(repositories, Path.GetDirectoryName(Path.GetDirectoryName(revisions)!)!).Replace(Path.DirectorySeparatorChar, '/');
            foreach (var link in Directory.EnumerateFiles(revisions, "link", SearchOption.AllDirectories))
            {
                var data = StoragePaths.BlobData(v2Root, Digest.Parse(File.ReadAllText(link)));
                if (!File.Exists(data))
                {
                    continue;
                }

                try
                {
                    foreach (var entry in ManifestParser.Parse(File.ReadAllBytes(data)).Manifests.Where(IndexEntry.IsBlob))
                    {
                        result.Add((repository, entry.Digest));
                    }
                }
                catch (ManifestFormatException)
                {
                    // not a manifest this filter is about
                }
            }
        }

        return result;
    }
}
