using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Inventory;

/// <param name="PushedAt">When the tag was last pushed, as well as the source can tell; null when it cannot.</param>
public sealed record InventoryTag(string Name, Digest Digest, DateTimeOffset? PushedAt);
