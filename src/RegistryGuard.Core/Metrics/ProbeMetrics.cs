using RegistryGuard.Findings;
using RegistryGuard.Probing;
using RegistryGuard.Probing.PullThrough;
using RegistryGuard.Signatures;

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
    public const string RunInterrupted = "registry_integrity_run_interrupted";
    public const string ImageSignatures = "registry_image_signatures";
    public const string OrphanedSignatures = "registry_orphaned_signatures";
    public const string UpstreamReachable = "registry_pull_through_upstream_reachable";
    public const string UpstreamUnreachableSince = "registry_pull_through_upstream_unreachable_since_timestamp_seconds";

    /// <summary>
    /// The kinds an HTTP probe can find. Each is always published (0 when clean) so an alert sees the series
    /// drop to 0 instead of vanishing; storage-only kinds belong to scan's job and are not published as a
    /// misleading 0 here. <c>orphaned_signature</c> is a warning, so it is counted by <see cref="OrphanedSignatures"/>
    /// rather than published here as a permanent 0.
    /// </summary>
    public static IReadOnlyList<FindingKind> Kinds { get; } =
    [
        FindingKind.MissingManifest, FindingKind.MissingBlob, FindingKind.SizeMismatch, FindingKind.DigestMismatch,
        FindingKind.UnreadableManifest, FindingKind.Unreachable, FindingKind.AccessDenied, FindingKind.InvalidName,
        FindingKind.UnsignedImage, FindingKind.InvalidSignature,
    ];

    /// <summary>
    /// Pull-through caches: "upstream down" (this gauge 0) is a different page from "cache broken" (scan's findings)
    /// and "cache down" (<see cref="CatalogAccessible"/> 0). Only checks that got an answer are published.
    /// </summary>
    private static IEnumerable<RunFamily> PullThroughFamilies(IReadOnlyList<UpstreamStatus> upstreams)
    {
        var checkedOnes = upstreams.Where(u => u.State is UpstreamState.Reachable or UpstreamState.Unreachable).ToList();
        if (checkedOnes.Count > 0)
        {
            yield return RunFamily.Gauge(UpstreamReachable, "1 if the pull-through cache's upstream answered the last run's check, 0 if the cache cannot fetch from it.", "repositories",
                checkedOnes.Select(u => KeyValuePair.Create(u.Pattern, u.State == UpstreamState.Reachable ? 1.0 : 0.0)));
        }

        var down = checkedOnes.Where(u => u is { State: UpstreamState.Unreachable, Since: not null }).ToList();
        if (down.Count > 0)
        {
            yield return RunFamily.Gauge(UpstreamUnreachableSince, "Unix time since which the pull-through cache's upstream has been unreachable (present only while it is).", "repositories",
                down.Select(u => KeyValuePair.Create(u.Pattern, u.Since!.Value.ToUnixTimeSeconds() * 1.0)));
        }
    }

    public static RunMetrics From(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        var finishedAt = summary.StartedAt + summary.Duration;
        var completed = report.FatalError is null && !report.Interrupted;
        var always = new List<RunFamily>
        {
            RunFamily.Gauge(CatalogAccessible, "1 if the registry and its catalog could be read by the last run, else 0.", summary.CatalogAccessible ? 1 : 0),
            RunFamily.Gauge(RunSuccess, "1 if the last run completed (findings or not), 0 if it could not read the registry or was interrupted.", completed ? 1 : 0),
            RunFamily.Gauge(RunInterrupted, "1 if the last run was stopped by a signal (or serve's shutdown) before it finished, else 0.", report.Interrupted ? 1 : 0),
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
        if (summary.Signatures is { } signatures)
        {
            onlyWhenCompleted.AddRange(SignatureFamilies(signatures));
        }

        onlyWhenCompleted.AddRange(PullThroughFamilies(summary.Upstreams));
        return new RunMetrics(always, onlyWhenCompleted, completed);
    }

    /// <summary>Only a run with --cosign-key publishes these: without keys nothing was checked, and a 0 would read as "all signed".</summary>
    private static IEnumerable<RunFamily> SignatureFamilies(SignatureSummary signatures) =>
    [
        RunFamily.Gauge(ImageSignatures, "Images (manifests) the last completed run checked for a cosign signature, by state; unsigned counts required and optional repositories alike.", "state", new Dictionary<string, double>
        {
            ["valid"] = signatures.Valid,
            ["unsigned"] = signatures.NotSigned,
            ["invalid"] = signatures.Invalid,
            ["unchecked"] = signatures.Unchecked,
        }),
        RunFamily.Gauge(OrphanedSignatures, "Signature tags (sha256-<hex>.sig, or referrers fallback tags listing a signature) whose image no longer exists (orphaned_signature).", signatures.Orphaned),
    ];
}
