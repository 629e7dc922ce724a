namespace RegistryGuard.Probing.PullThrough;

/// <param name="Upstream">The upstream's origin (scheme://host:port) when the cache's answer names it, else null.</param>
/// <param name="Reason">One line: why, in the operator's words.</param>
public sealed record UpstreamVerdict(UpstreamState State, string? Upstream, string Reason);
