using RegistryGuard.Findings;
using RegistryGuard.Probing;

namespace RegistryGuard.Metrics;

/// <summary>The metric families of a probe or verify run (names from the seeds' monitoring, see docs/metrics.md).</summary>
public static class ProbeMetrics
{
    public const string DefaultJob = "registry-integrity-probe";

    public const string Failures = "registry_manifest_integrity_failures";
    public const string ObjectsChecked = "registry_integrity_objects_checked";
    public const string RunDuration = "registry_integrity_run_duration_seconds";
    public const string LastSuccess = "registry_integrity_last_success_timestamp_seconds";
    public const string CatalogAccessible = "registry_catalog_accessible";
    public const string RunSuccess = "registry_integrity_run_success";

    /// <summary>
    /// The kinds an HTTP probe can find. Each is always published (0 when clean) so an alert sees the series
    /// drop to 0 instead of vanishing; storage-only kinds belong to scan's job and are not published as a
    /// misleading 0 here.
    /// </summary>
    public static IReadOnlyList<FindingKind> Kinds { get; } =
    [
        FindingKind.MissingManifest, FindingKind.MissingBlob, FindingKind.SizeMismatch, FindingKind.DigestMismatch,
        FindingKind.UnreadableManifest, FindingKind.Unreachable, FindingKind.AccessDenied, FindingKind.InvalidName,
    ];

    public static RunMetrics From(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        var finishedAt = summary.StartedAt + summary.Duration;
        var completed = report.FatalError is null;
        var always = new List<RunFamily>
        {
            RunFamily.Gauge(CatalogAccessible, "1 if the registry and its catalog could be read by the last run, else 0.", summary.CatalogAccessible ? 1 : 0),
            RunFamily.Gauge(RunSuccess, "1 if the last run completed (findings or not), 0 if it could not read the registry.", completed ? 1 : 0),
            RunFamily.Gauge(RunDuration, "Wall-clock duration of the last run in seconds.", summary.Duration.TotalSeconds),
            RunFamily.Gauge(ObjectsChecked, "Objects the last run checked, by type.", "type", new Dictionary<string, double>
            {
                ["repositories"] = summary.Repositories,
                ["tags"] = summary.Tags,
                ["manifests"] = summary.Manifests,
                ["blobs"] = summary.Blobs,
                ["blobs_hashed"] = summary.BlobsHashed,
            }),
        };
        var kinds = Kinds.Union(summary.FailuresByKind.Keys).OrderBy(k => k.WireName(), StringComparer.Ordinal);
        var onlyWhenCompleted = new List<RunFamily>
        {
            RunFamily.Gauge(Failures, "Failure-severity findings of the last completed run, by kind (0 when clean).", "kind",
                kinds.Select(k => KeyValuePair.Create(k.WireName(), (double)summary.FailuresByKind.GetValueOrDefault(k)))),
            RunFamily.Gauge(LastSuccess, "Unix time at which the last completed run finished.", finishedAt.ToUnixTimeMilliseconds() / 1000.0),
        };
        return new RunMetrics(always, onlyWhenCompleted, completed);
    }
}
