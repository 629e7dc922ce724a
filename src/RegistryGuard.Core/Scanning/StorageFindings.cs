using RegistryGuard.Findings;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;

namespace RegistryGuard.Scanning;

/// <summary>Pure: the findings of what the storage readers met outside any one repository's facts.</summary>
internal static class StorageFindings
{
    /// <summary>A path that was not read: unreadable_path, or invalid_name when its name did not decode.</summary>
    public static Finding Of(StorageProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var kind = problem.Kind == StorageProblemKind.NotUtf8Name ? FindingKind.InvalidName : FindingKind.UnreadablePath;
        return new Finding(kind, problem.Repository, null, null, null, $"{problem.Path}: {problem.Detail}");
    }

    /// <summary>Corrupt blobs no repository links: reported once, under no repository.</summary>
    public static IEnumerable<Finding> UnlinkedCorrupt(BlobIndex blobs) =>
        blobs.Entries.Where(e => e.Corrupt && !e.Linked)
            .Select(e => new Finding(FindingKind.CorruptBlob, "", null, null, "sha256:" + e.Hex, Corruption(e) + "; not linked by any repository"));

    public static string Corruption(BlobEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Length == 0 ? "blob data is 0 bytes; its bytes do not hash to its digest" : $"blob data ({entry.Length} bytes) does not hash to its digest";
    }
}
