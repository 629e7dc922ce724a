using RegistryGuard.Findings;

namespace RegistryGuard.Scanning;

public sealed record ScanSummary
{
    /// <summary>The <c>docker/registry/v2</c> directory scanned (or the directory given, when none was found).</summary>
    public required string Root { get; init; }

    public bool Fix { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public int Repositories { get; init; }

    public int EmptyRepositories { get; init; }

    public int Tags { get; init; }

    public int Revisions { get; init; }

    public int LayerLinks { get; init; }

    /// <summary>Blob data files under <c>blobs/</c>.</summary>
    public int Blobs { get; init; }

    public int BlobsHashed { get; init; }

    public long BytesHashed { get; init; }

    public int Uploads { get; init; }

    public IReadOnlyDictionary<FindingKind, int> FindingsByKind { get; init; } = new Dictionary<FindingKind, int>();

    public IReadOnlyDictionary<FindingKind, int> FailuresByKind { get; init; } = new Dictionary<FindingKind, int>();

    public int RepairsPlanned { get; init; }

    public int RepairsMade { get; init; }

    public string? JournalPath { get; init; }
}
