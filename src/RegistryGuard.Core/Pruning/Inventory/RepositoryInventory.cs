using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Inventory;

/// <summary>
/// What one repository holds. <see cref="Complete"/> is true when every linked manifest and every tag is listed
/// (read from storage, nothing unreadable); over HTTP only manifests reachable from tags can be listed, so untagged pushes are invisible.
/// </summary>
public sealed record RepositoryInventory(string Repository, IReadOnlyList<InventoryTag> Tags, IReadOnlyDictionary<Digest, InventoryManifest> Manifests, bool Complete);
