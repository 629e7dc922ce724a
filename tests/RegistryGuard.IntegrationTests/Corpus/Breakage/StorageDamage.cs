using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>The breakages of the matrix, each saving what it touches to a <see cref="StorageRepair"/> first.</summary>
internal sealed class StorageDamage(string v2Root, StorageRepair repair)
{
    /// <summary>What cleanup-tags.sh did to index children: the revision link gone, the bytes still on disk.</summary>
    public void RemoveRevisionLink(string repository, Digest digest) =>
        RemoveDirectory(Path.GetDirectoryName(StoragePaths.RevisionLink(v2Root, repository, digest))!);

    public void RemoveLayerLink(string repository, Digest digest) =>
        RemoveDirectory(Path.GetDirectoryName(StoragePaths.LayerLink(v2Root, repository, digest))!);

    /// <summary>A tag's current/link overwritten with something that is not a digest (a torn write, a bad restore).</summary>
    public void GarbageInTagLink(string repository, string tag)
    {
        var link = StoragePaths.TagCurrentLink(v2Root, repository, tag);
        repair.Save(link);
        File.WriteAllBytes(link, Encoding.ASCII.GetBytes("sha256:not-a-digest\n\0\0"));
    }

    /// <summary>The 0-byte 200 class.</summary>
    public void TruncateBlob(Digest digest) => Blob(digest, RegistryGuard.Demo.Breakage.TruncateBlob);

    /// <summary>Same length, other bytes: only hashing finds it.</summary>
    public void CorruptBlobSameSize(Digest digest) => Blob(digest, RegistryGuard.Demo.Breakage.CorruptBlobSameSize);

    /// <summary>What a GC after a bad cleanup leaves: the blob data gone, the links still there.</summary>
    public void DeleteBlobData(Digest digest) => Blob(digest, RegistryGuard.Demo.Breakage.DeleteBlobData);

    private void Blob(Digest digest, Action<string, Digest> damage)
    {
        repair.Save(StoragePaths.BlobData(v2Root, digest));
        damage(v2Root, digest);
    }

    private void RemoveDirectory(string directory)
    {
        repair.Save(directory);
        Directory.Delete(directory, recursive: true);
    }
}
