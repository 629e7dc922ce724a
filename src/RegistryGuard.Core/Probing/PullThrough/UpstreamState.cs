namespace RegistryGuard.Probing.PullThrough;

/// <summary>What one run learned about a pull-through cache's upstream.</summary>
public enum UpstreamState
{
    /// <summary>The upstream answered the cache (even if only to say "unknown blob").</summary>
    Reachable,

    /// <summary>The cache could not get an answer from its upstream, or the upstream refused it.</summary>
    Unreachable,

    /// <summary>The check itself failed (the cache refused the probe, or stopped answering at all).</summary>
    Unknown,

    /// <summary>Nothing is cached yet under this pattern, so there was no repository to ask in.</summary>
    NotChecked,
}
