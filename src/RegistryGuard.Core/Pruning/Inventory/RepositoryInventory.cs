using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Inventory;

/// <summary>
/// What one repository holds. <see cref="Complete"/> is true when every linked manifest and every tag is listed
/// (read from storage, nothing unreadable); over HTTP only manifests reachable from tags can be listed, so untagged pushes are invisible.
/// </summary>
public sealed record RepositoryInventory(string Repository, IReadOnlyList<InventoryTag> Tags, IReadOnlyDictionary<Digest, InventoryManifest> Manifests, bool Complete)
{
    /// <summary>Over HTTP: subjects of signature tags (<c>.sig</c>, referrers fallback tags listing a signature) that the registry answered 404 for (storage knows every manifest).</summary>
    public IReadOnlySet<Digest> GoneSubjects { get; init; } = new HashSet<Digest>();

    /// <summary>Whether the repository certainly no longer serves <paramref name="digest"/>.</summary>
    public bool IsGone(Digest digest) => Complete ? !Manifests.ContainsKey(digest) : GoneSubjects.Contains(digest);
}
