using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Planning;

/// <param name="Attached">A signature, attestation, SBOM or referrers tag: decided by its subject, never counted.</param>
public sealed record TagDecision(string Tag, Digest Digest, PruneAction Action, string Reason, DateTimeOffset? PushedAt, bool Attached);
