using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Planning;

/// <summary>A blob (layer, config or manifest bytes) that nothing kept references any more: GC may sweep it.</summary>
public sealed record ReclaimableBlob(Digest Digest, long Size);
