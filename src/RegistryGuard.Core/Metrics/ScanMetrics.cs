using RegistryGuard.Findings;
using RegistryGuard.Scanning;

namespace RegistryGuard.Metrics;

/// <summary>The metric families of a storage scan, pushed under their own job (see docs/metrics.md).</summary>
public static class ScanMetrics
{
    public const string DefaultJob = "registryguard-scan";

    public const string Findings = "registryguard_scan_findings";
    public const string ObjectsChecked = "registryguard_scan_objects_checked";
    public const string RepairsPlanned = "registryguard_scan_repairs_planned";
    public const string RepairsMade = "registryguard_scan_repairs_made";
    public const string RunDuration = "registryguard_scan_run_duration_seconds";
    public const string RunSuccess = "registryguard_scan_run_success";
    public const string RunInterrupted = "registryguard_scan_run_interrupted";
    public const string LastSuccess = "registryguard_scan_last_success_timestamp_seconds";

    /// <summary>Every kind a scan can report is published, 0 when absent, so alerts see a series go to 0.</summary>
    public static IReadOnlyList<FindingKind> Kinds { get; } =
    [
        FindingKind.DanglingLayerLink, FindingKind.DanglingRevisionLink, FindingKind.MissingTagLink, FindingKind.DanglingTagLink,
        FindingKind.DanglingTagHistory, FindingKind.OrphanedChild, FindingKind.MissingLayerLink, FindingKind.CorruptLink,
        FindingKind.CorruptBlob, FindingKind.StaleUpload, FindingKind.UnreadablePath, FindingKind.UnreadableManifest,
        FindingKind.SizeMismatch, FindingKind.InvalidName,
    ];

    public static RunMetrics From(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        var completed = report.FatalError is null && !report.Interrupted;

        // After --fix the storage is what the second scan saw: publish what remains, not what was repaired.
        var findings = report.Remaining ?? report.Findings;
        var counts = findings.GroupBy(f => (f.Kind, f.Severity)).ToDictionary(g => g.Key, g => g.Count());
        var absentKinds = Kinds.Where(kind => !counts.Keys.Any(c => c.Kind == kind)).Select(kind => (kind, kind.DefaultSeverity()));
        var samples = counts.Keys.Concat(absentKinds)
            .OrderBy(series => series.Item1.WireName(), StringComparer.Ordinal).ThenBy(series => series.Item2)
            .Select(series => ((IReadOnlyList<string>)[series.Item1.WireName(), series.Item2.ToString().ToLowerInvariant()], (double)counts.GetValueOrDefault(series)))
            .ToList();
        var always = new List<RunFamily>
        {
            RunFamily.Gauge(RunSuccess, "1 if the last scan read the storage, 0 if it could not or was interrupted.", completed ? 1 : 0),
            RunFamily.Gauge(RunInterrupted, "1 if the last scan was stopped by a signal (or serve's shutdown) before it finished, else 0.", report.Interrupted ? 1 : 0),
            RunFamily.Gauge(RunDuration, "Wall-clock duration of the last scan in seconds.", summary.Duration.TotalSeconds),
            RunFamily.Gauge(ObjectsChecked, "Objects the last scan checked, by type.", "type", new Dictionary<string, double>
            {
                ["repositories"] = summary.Repositories,
                ["tags"] = summary.Tags,
                ["revisions"] = summary.Revisions,
                ["layer_links"] = summary.LayerLinks,
                ["blobs"] = summary.Blobs,
                ["blobs_hashed"] = summary.BlobsHashed,
            }),
        };
        var onlyWhenCompleted = new List<RunFamily>
        {
            RunFamily.Gauge(Findings, "Findings of the last completed scan (after --fix: what remains), by kind and severity.", ["kind", "severity"], samples),
            RunFamily.Gauge(RepairsPlanned, "Repairs --fix would make (or was asked to make) in the last scan.", summary.RepairsPlanned),
            RunFamily.Gauge(RepairsMade, "Repairs made by the last scan with --fix.", summary.RepairsMade),
            RunFamily.Gauge(LastSuccess, "Unix time at which the last completed scan finished.",
                (summary.StartedAt + summary.Duration).ToUnixTimeMilliseconds() / 1000.0),
        };
        return new RunMetrics(always, onlyWhenCompleted, completed);
    }
}
