using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Runs;

/// <summary>Everything a probe of a whole registry can be told, with its default: <c>probe</c> and serve's probe jobs.</summary>
public sealed record ProbeRunOptions(RegistryConnection Connection)
{
    public const string DefaultJob = ProbeMetrics.DefaultJob;

    public WalkSettings Walk { get; init; } = new();

    /// <summary>Probe only one of N disjoint slices of the repositories.</summary>
    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Report <c>unauthenticated_access</c> when <c>/v2/</c> or the catalog answer without credentials.</summary>
    public bool ExpectAuth { get; init; }

    /// <summary>Report <c>catalog_shrunk</c> when the catalog lists fewer repositories.</summary>
    public int? MinRepositories { get; init; }

    /// <summary>Keeps the catalog size between runs: a catalog below half of the last count, or empty, is <c>catalog_shrunk</c>.</summary>
    public string? CatalogStateFile { get; init; }

    /// <summary>Cosign keys to check every image's signature with, and the repositories that require one; default: off.</summary>
    public SignatureSettings Signatures { get; init; } = new();

    /// <summary>With pull-through caches: keeps since when each one's upstream has been unreachable, between runs.</summary>
    public string? UpstreamStateFile { get; init; }

    public PushSettings? Push { get; init; }

    internal ProbeOptions ToProbeOptions() => Walk.ToProbeOptions(Connection) with
    {
        Signatures = Signatures.ToSignatureOptions(),
        Shard = Shard,
        ExpectAuth = ExpectAuth,
        MinRepositories = MinRepositories,
        CatalogStateFile = CatalogStateFile,
        UpstreamStateFile = UpstreamStateFile,
    };
}
