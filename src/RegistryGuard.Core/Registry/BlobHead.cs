using RegistryGuard.Oci;

namespace RegistryGuard.Registry;

/// <summary>What a 200 HEAD of a blob announced.</summary>
public readonly record struct BlobHead(long? ContentLength, Digest? HeaderDigest);
