using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Execution;

/// <param name="Tags">Tags that went with the manifest.</param>
public sealed record ExecutedDeletion(string Repository, Digest Digest, IReadOnlyList<string> Tags);
