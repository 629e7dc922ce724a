using RegistryGuard.Oci;

namespace RegistryGuard.Demo;

/// <summary>A manifest (image or index) with everything it references, ready to push or write as an OCI layout.</summary>
public sealed record ManifestArtifact(string MediaType, byte[] Bytes, IReadOnlyList<BlobContent> Blobs, IReadOnlyList<ManifestArtifact> Children)
{
    public Digest Digest { get; } = Digest.Sha256Of(Bytes);

    public long Size => Bytes.LongLength;

    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>This manifest and every manifest below it, children before parents.</summary>
    public IEnumerable<ManifestArtifact> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Append(this);

    public IEnumerable<BlobContent> AllBlobs() => SelfAndDescendants().SelectMany(m => m.Blobs).DistinctBy(b => b.Digest);
}
