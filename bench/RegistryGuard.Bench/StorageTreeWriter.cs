using System.Collections.Concurrent;
using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.Bench;

/// <summary>
/// Writes a registry's storage straight to disk in distribution's exact filesystem layout (<see cref="StoragePaths"/>):
/// blob data once per digest, revision links for every manifest and index child, <c>_layers</c> links for configs
/// and layers, tag current and index links. Pushing the same content over HTTP gives the same files
/// (BenchStorageLayoutTests), only hundreds of times slower.
/// </summary>
internal sealed class StorageTreeWriter(string storageRoot, int parallelism)
{
    private readonly string _v2 = StoragePaths.V2Root(storageRoot);
    private readonly ConcurrentDictionary<Digest, byte> _written = new();
    private long _links;

    public TreeStats Write(SyntheticImages images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.Shape;
        long manifests = 0, blobs = 0, tags = 0;
        Parallel.For(0, shape.Repositories, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, r =>
        {
            var (m, b, t) = WriteRepository(images.TagsOf(r));
            Interlocked.Add(ref manifests, m);
            Interlocked.Add(ref blobs, b);
            Interlocked.Add(ref tags, t);
        });
        return new TreeStats(shape.Repositories, (int)tags, manifests, blobs, _written.Count, Interlocked.Read(ref _links));
    }

    private (long Manifests, long Blobs, long Tags) WriteRepository(IReadOnlyList<TaggedArtifact> tags)
    {
        if (tags.Count > 0)
        {
            // The registry leaves an empty _uploads behind after every push.
            Directory.CreateDirectory(Path.Combine(StoragePaths.Repository(_v2, tags[0].Repository), "_uploads"));
        }

        var manifests = new HashSet<Digest>();
        var blobs = new HashSet<Digest>();
        foreach (var tagged in tags)
        {
            var repository = tagged.Repository;
            foreach (var manifest in tagged.Artifact.SelfAndDescendants())
            {
                if (manifests.Add(manifest.Digest))
                {
                    WriteBlobData(manifest.Digest, manifest.Bytes);
                    WriteLink(StoragePaths.RevisionLink(_v2, repository, manifest.Digest), manifest.Digest);
                }
            }

            foreach (var blob in tagged.Artifact.AllBlobs())
            {
                if (blobs.Add(blob.Digest))
                {
                    WriteBlobData(blob.Digest, blob.Bytes);
                    WriteLink(StoragePaths.LayerLink(_v2, repository, blob.Digest), blob.Digest);
                }
            }

            WriteLink(StoragePaths.TagCurrentLink(_v2, repository, tagged.Tag), tagged.Artifact.Digest);
            WriteLink(StoragePaths.TagIndexLink(_v2, repository, tagged.Tag, tagged.Artifact.Digest), tagged.Artifact.Digest);
        }

        return (manifests.Count, blobs.Count, tags.Count);
    }

    private void WriteBlobData(Digest digest, byte[] bytes)
    {
        if (!_written.TryAdd(digest, 0))
        {
            return;
        }

        var path = StoragePaths.BlobData(_v2, digest);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private void WriteLink(string path, Digest digest)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, StoragePaths.LinkContent(digest), Encoding.ASCII);
        Interlocked.Increment(ref _links);
    }
}
