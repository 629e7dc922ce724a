using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Scanning;

namespace RegistryGuard.Runs;

/// <summary>Everything a storage scan can be told, with its default: <c>scan</c> and serve's scan jobs.</summary>
/// <param name="Root">The registry's storage <c>rootdirectory</c>, or its <c>docker/registry/v2</c> directory.</param>
public sealed record ScanRunOptions(string Root)
{
    public const string DefaultJob = ScanMetrics.DefaultJob;

    public const string DefaultUploadAgeText = "24h";

    public static TimeSpan DefaultUploadAge { get; } = TimeSpan.FromHours(24);

    /// <summary>Rehash every blob's data and report corrupt_blob where bytes and digest differ.</summary>
    public bool Deep { get; init; }

    /// <summary>Repositories that are pull-through caches: missing index children are normal there.</summary>
    public IReadOnlyList<GlobPattern> PullThrough { get; init; } = [];

    /// <summary>Report <c>_uploads</c> leftovers older than this.</summary>
    public TimeSpan UploadAge { get; init; } = DefaultUploadAge;

    /// <summary>Parallel directory walkers.</summary>
    public int Concurrency { get; init; } = ScanOptions.DefaultConcurrency;

    /// <summary>Repair (journaled) instead of only saying what a repair would do.</summary>
    public bool Fix { get; init; }

    /// <summary>The journal of a fix, which must not exist yet; null: a new one in <see cref="JournalDirectory"/>.</summary>
    public string? JournalPath { get; init; }

    /// <summary>Where new journals go; null: <see cref="StateDirectory.Journals"/>.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>The registry this storage serves, when known: the push's default <c>instance</c> (else this machine).</summary>
    public Uri? Registry { get; init; }

    public PushSettings? Push { get; init; }

    internal ScanOptions ToScanOptions(TimeProvider timeProvider) => new(Root)
    {
        Deep = Deep,
        PullThrough = PullThrough,
        UploadAge = UploadAge,
        Concurrency = Concurrency,
        TimeProvider = timeProvider,
    };
}
