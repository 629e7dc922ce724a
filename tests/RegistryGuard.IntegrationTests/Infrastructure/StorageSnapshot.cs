using System.Security.Cryptography;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Every file under a directory with the hash of its bytes: two snapshots are equal exactly when nothing changed.</summary>
internal static class StorageSnapshot
{
    public static SortedDictionary<string, string> Take(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(directory, file)] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return result;
    }

    /// <summary>
    /// Stricter than <see cref="Take"/>: directories too (an empty tag directory is a tag to the registry), and each
    /// file's modification time (prune ranks tags by the mtime of current/link).
    /// </summary>
    public static SortedDictionary<string, string> TakeExact(string directory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(directory, entry.FullName)] = entry is FileInfo file
                ? $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file.FullName)))} {file.LastWriteTimeUtc:O}"
                : "directory";
        }

        return result;
    }

    /// <summary>Blob data files: what garbage-collect sweeps.</summary>
    public static int BlobCount(string v2Root) =>
        Directory.EnumerateFiles(Path.Combine(v2Root, "blobs"), "data", SearchOption.AllDirectories).Count();
}
