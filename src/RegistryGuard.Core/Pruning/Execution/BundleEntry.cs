using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Execution;

/// <param name="File">The manifest bytes, relative to the bundle directory.</param>
/// <param name="Deleted">True once the DELETE succeeded; entries saved but never deleted are not restored.</param>
public sealed record BundleEntry(string Repository, Digest Digest, string MediaType, string File, IReadOnlyList<string> Tags, bool Deleted);
