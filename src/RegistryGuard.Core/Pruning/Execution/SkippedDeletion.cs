using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Execution;

/// <param name="Failed">True when the delete was tried and failed; false when it was deliberately not made.</param>
public sealed record SkippedDeletion(string Repository, Digest Digest, string Reason, bool Failed);
