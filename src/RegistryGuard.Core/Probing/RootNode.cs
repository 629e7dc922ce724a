using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>Where a walk starts: a tag, or a digest given to verify.</summary>
internal sealed class RootNode(string repository, string? tag)
{
    public string Repository { get; } = repository;

    public string? Tag { get; } = tag;

    public Issue? Error { get; set; }

    public Digest? Digest { get; set; }

    public Digest? HeaderDigest { get; set; }
}
