using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.Demo;

/// <summary>Breaks a registry's storage the ways the incidents did. For demos and tests only.</summary>
public static class Breakage
{
    /// <summary>
    /// What cleanup-tags.sh did on 2.8 (post-mortem 2026-04-19): rmtree the tag directory, and with it the
    /// revision links of the index's children. Blob data stays on disk.
    /// </summary>
    public static IReadOnlyList<Digest> RemoveTagLikeCleanupScript(string v2Root, string repository, string tag, ManifestArtifact index)
    {
        ArgumentNullException.ThrowIfNull(index);
        Directory.Delete(StoragePaths.TagDirectory(v2Root, repository, tag), recursive: true);
        return RemoveChildRevisionLinks(v2Root, repository, index);
    }

    /// <summary>Removes the revision links of every child of <paramref name="index"/>, keeping their bytes.</summary>
    public static IReadOnlyList<Digest> RemoveChildRevisionLinks(string v2Root, string repository, ManifestArtifact index)
    {
        ArgumentNullException.ThrowIfNull(index);
        var removed = new List<Digest>();
        foreach (var child in index.Children)
        {
            var directory = Path.GetDirectoryName(StoragePaths.RevisionLink(v2Root, repository, child.Digest))!;
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
                removed.Add(child.Digest);
            }
        }

        return removed;
    }

    /// <summary>The 0-byte 200 class: blob data truncated to nothing.</summary>
    public static void TruncateBlob(string v2Root, Digest digest) => File.WriteAllBytes(StoragePaths.BlobData(v2Root, digest), []);

    /// <summary>Same length, different bytes: only hashing finds it.</summary>
    public static void CorruptBlobSameSize(string v2Root, Digest digest)
    {
        var path = StoragePaths.BlobData(v2Root, digest);
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)~bytes[i];
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>What a GC after a bad cleanup leaves: blob data gone, links still there.</summary>
    public static void DeleteBlobData(string v2Root, Digest digest) => File.Delete(StoragePaths.BlobData(v2Root, digest));
}
