using RegistryGuard.Common;

namespace RegistryGuard.Probing;

public sealed record ProbeOptions
{
    /// <summary>Workers walking at once; the HTTP client's limit should match.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Page size asked of the catalog and tag lists (registries may ignore it).</summary>
    public int PageSize { get; init; } = 1000;

    /// <summary>
    /// Repositories served by a pull-through cache. The probe never walks them (any request for content a cache does
    /// not hold makes it fetch and store that content); it checks that the cache's upstream answers instead. verify
    /// still walks the one reference it is given, with missing index children informational.
    /// </summary>
    public IReadOnlyList<GlobPattern> PullThrough { get; init; } = [];

    /// <summary>File remembering since when a pull-through cache's upstream has been unreachable; null: this run's time.</summary>
    public string? UpstreamStateFile { get; init; }

    /// <summary>Read and hash blobs, not just HEAD them: catches same-size corruption.</summary>
    public bool Deep { get; init; }

    /// <summary>With <see cref="Deep"/>: hash at most this many bytes per run, continuing where the last run stopped.</summary>
    public long? DeepBudgetBytes { get; init; }

    /// <summary>Where the deep cursor is kept between runs; null keeps no state (every run starts at the lowest digest).</summary>
    public string? DeepStateFile { get; init; }

    public Shard Shard { get; init; } = Shard.Whole;

    /// <summary>Report <c>unauthenticated_access</c> when <c>/v2/</c> or the catalog answer 200 without credentials.</summary>
    public bool ExpectAuth { get; init; }

    /// <summary>Report <c>catalog_shrunk</c> when the catalog lists fewer repositories than this.</summary>
    public int? MinRepositories { get; init; }

    /// <summary>File keeping the last run's catalog size: a catalog below half of it (or empty) is <c>catalog_shrunk</c>.</summary>
    public string? CatalogStateFile { get; init; }

    /// <summary>Check cosign signatures after the walk (keys, and the repositories that require them); null: off.</summary>
    public Signatures.SignatureOptions? Signatures { get; init; }

    public bool IsPullThrough(string repository) => GlobPattern.AnyMatch(PullThrough, repository);
}
