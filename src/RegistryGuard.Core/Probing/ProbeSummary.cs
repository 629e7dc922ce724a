using RegistryGuard.Findings;
using RegistryGuard.Probing.PullThrough;

namespace RegistryGuard.Probing;

public sealed record ProbeSummary
{
    public required string Target { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public TimeSpan Duration { get; init; }

    public bool CatalogAccessible { get; init; }

    public int Repositories { get; init; }

    public int Tags { get; init; }

    /// <summary>Unique (repository, digest) manifests fetched.</summary>
    public int Manifests { get; init; }

    /// <summary>Unique (repository, digest) blobs checked with HEAD.</summary>
    public int Blobs { get; init; }

    public int BlobsHashed { get; init; }

    public long BytesHashed { get; init; }

    public long Requests { get; init; }

    /// <summary>Repositories of pull-through caches the catalog listed: counted, never walked.</summary>
    public int PullThroughRepositories { get; init; }

    /// <summary>One upstream check per <c>--pull-through</c> pattern (empty without pull-through caches).</summary>
    public IReadOnlyList<UpstreamStatus> Upstreams { get; init; } = [];

    public IReadOnlyDictionary<FindingKind, int> FailuresByKind { get; init; } = new Dictionary<FindingKind, int>();

    public int Failures => FailuresByKind.Values.Sum();

    /// <summary>Signature checks of the run; null when none were asked for.</summary>
    public Signatures.SignatureSummary? Signatures { get; init; }
}
