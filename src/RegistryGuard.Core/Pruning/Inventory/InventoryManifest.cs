using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Inventory;

/// <summary>
/// One manifest a repository holds: what it references (index children, config and layers, OCI subject) and its
/// own size. <paramref name="Readable"/> is false when the manifest is linked but its content could not be read:
/// it is still planned for (its link can be removed) but it references nothing.
/// </summary>
public sealed record InventoryManifest(Digest Digest, string MediaType, long Size, bool Readable = true)
{
    /// <summary>Index entries that are manifests (<see cref="IndexEntry"/>).</summary>
    public IReadOnlyList<Descriptor> Children { get; init; } = [];

    /// <summary>Config and layers; for an index, its entries that are blobs (BuildKit's cache), kept while the index is.</summary>
    public IReadOnlyList<Descriptor> Blobs { get; init; } = [];

    public Digest? Subject { get; init; }

    /// <summary>The image config's <c>created</c>; for an index, the newest among its children.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Its edges in the one reachability model (<see cref="ReferenceWalk"/>).</summary>
    public ManifestReferences References => new(Children, Blobs);

    public static InventoryManifest From(Digest digest, long size, Manifest manifest, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new InventoryManifest(digest, manifest.MediaType, size)
        {
            Children = [.. manifest.ChildManifests],
            Blobs = [.. manifest.Blobs],
            Subject = manifest.Subject?.Digest,
            Created = created,
        };
    }
}
