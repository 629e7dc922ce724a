namespace RegistryGuard.Oci;

/// <summary>The parts of a manifest that the walk follows.</summary>
public sealed record Manifest(ManifestKind Kind, string MediaType)
{
    /// <summary>Every entry of an index, in document order, whatever it points at. What a client fetches as a manifest
    /// is <see cref="ChildManifests"/>; entries that are blobs are part of <see cref="Blobs"/>.</summary>
    public IReadOnlyList<Descriptor> Manifests { get; init; } = [];

    public Descriptor? Config { get; init; }

    public IReadOnlyList<Descriptor> Layers { get; init; } = [];

    /// <summary>The OCI 1.1 subject, for referrers (signatures, SBOMs) pointing at another manifest.</summary>
    public Descriptor? Subject { get; init; }

    /// <summary>Index entries that are manifests (<see cref="IndexEntry"/>): fetched under <c>/manifests/</c>, served through revision links.</summary>
    public IEnumerable<Descriptor> ChildManifests => Manifests.Where(IndexEntry.IsManifest);

    /// <summary>
    /// Every blob this manifest references, fetched under <c>/blobs/</c> and served through <c>_layers</c> links: an
    /// image's config first, then its layers; an index's entries that are not manifests (BuildKit's cache).
    /// Foreign layers are included (<see cref="Descriptor.IsForeign"/>); callers leave them out where the registry does.
    /// </summary>
    public IEnumerable<Descriptor> Blobs =>
        Kind == ManifestKind.Index ? Manifests.Where(IndexEntry.IsBlob)
        : Config is null ? Layers
        : Layers.Prepend(Config);

    /// <summary>This manifest's edges in the reachability model.</summary>
    public ManifestReferences References => new([.. ChildManifests], [.. Blobs]);
}
