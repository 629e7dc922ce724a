using RegistryGuard.Oci;

namespace RegistryGuard.Registry;

/// <summary>The result of reading a blob to the end: the digest its bytes really have, and how many there were.</summary>
public readonly record struct BlobHash(Digest Computed, long Length);
