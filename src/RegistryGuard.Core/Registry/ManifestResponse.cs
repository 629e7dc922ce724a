using RegistryGuard.Oci;

namespace RegistryGuard.Registry;

/// <param name="Body">The manifest bytes exactly as served.</param>
/// <param name="ContentType">The Content-Type header, used when the document names no mediaType.</param>
/// <param name="HeaderDigest">Docker-Content-Digest, when the registry sent one (and it parsed).</param>
/// <param name="ComputedDigest">sha256 of <paramref name="Body"/>: the manifest's real identity.</param>
public sealed record ManifestResponse(byte[] Body, string? ContentType, Digest? HeaderDigest, Digest ComputedDigest);
