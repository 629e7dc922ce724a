using RegistryGuard.Oci;

namespace RegistryGuard.Pruning.Planning;

/// <param name="Tags">The pruned tags that point at this manifest directly (they go with it).</param>
public sealed record ManifestDecision(Digest Digest, string MediaType, long Size, PruneAction Action, string Reason, IReadOnlyList<string> Tags);
