using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.Bench;

/// <summary>
/// The single-threaded baseline for the scan: one thread walks <c>repositories/</c>, reads every link file and checks
/// that the blob it names has data — the least a scan must do, done the plain way.
/// </summary>
internal static class SequentialLinkWalk
{
    public static (long Links, long Dangling) Run(string storageRoot)
    {
        var v2 = StoragePaths.V2Root(storageRoot);
        long links = 0, dangling = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(v2, "repositories"), "link", options))
        {
            links++;
            var text = File.ReadAllText(path);
            if (!Digest.TryParse(text, out var digest) || !File.Exists(StoragePaths.BlobData(v2, digest)))
            {
                dangling++;
            }
        }

        return (links, dangling);
    }
}
