namespace RegistryGuard.Oci;

/// <summary>
/// What one manifest points down to, split the way a client fetches it: <paramref name="Manifests"/> under
/// <c>/manifests/</c> (index entries that are manifests), <paramref name="Blobs"/> under <c>/blobs/</c> (config, layers,
/// an index's blob entries). The edges of <see cref="ReferenceWalk"/>.
/// </summary>
public sealed record ManifestReferences(IReadOnlyList<Descriptor> Manifests, IReadOnlyList<Descriptor> Blobs)
{
    public static ManifestReferences None { get; } = new([], []);
}
