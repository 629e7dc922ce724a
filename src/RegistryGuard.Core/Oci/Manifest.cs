namespace RegistryGuard.Oci;

/// <summary>The parts of a manifest that the walk follows.</summary>
public sealed record Manifest(ManifestKind Kind, string MediaType)
{
    /// <summary>Children of an index, in document order.</summary>
    public IReadOnlyList<Descriptor> Manifests { get; init; } = [];

    public Descriptor? Config { get; init; }

    public IReadOnlyList<Descriptor> Layers { get; init; } = [];

    /// <summary>The OCI 1.1 subject, for referrers (signatures, SBOMs) pointing at another manifest.</summary>
    public Descriptor? Subject { get; init; }

    /// <summary>Every blob an image manifest references: config first, then layers.</summary>
    public IEnumerable<Descriptor> Blobs => Config is null ? Layers : Layers.Prepend(Config);
}
