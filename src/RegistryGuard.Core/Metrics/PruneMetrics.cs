using RegistryGuard.Pruning;

namespace RegistryGuard.Metrics;

/// <summary>The metric families of a prune, pushed under their own job (see docs/metrics.md).</summary>
public static class PruneMetrics
{
    public const string DefaultJob = "registryguard-prune";

    public const string TagsPruned = "registryguard_prune_tags_pruned";
    public const string ManifestsDeleted = "registryguard_prune_manifests_deleted";
    public const string BytesReclaimable = "registryguard_prune_bytes_reclaimable";
    public const string BytesReclaimed = "registryguard_prune_bytes_reclaimed";
    public const string Skipped = "registryguard_prune_skipped";
    public const string Failed = "registryguard_prune_failed";
    public const string RunSuccess = "registryguard_prune_run_success";
    public const string RunInterrupted = "registryguard_prune_run_interrupted";
    private const string RunSuccessHelp = "1 if the last prune ran to the end (dry run or apply), else 0.";
    private const string RunInterruptedHelp = "1 if the last prune was stopped by a signal (or serve's shutdown) before it finished, else 0.";
    public const string LastSuccess = "registryguard_prune_last_success_timestamp_seconds";

    /// <param name="finishedAt">When the run ended: the last-success timestamp.</param>
    public static RunMetrics From(PruneReport report, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.Plan;
        var execution = report.Execution;

        // A dry run reclaims nothing; bytes_reclaimed is what the next plain garbage-collect can free after this apply.
        var always = new List<RunFamily>
        {
            RunFamily.Gauge(RunSuccess, RunSuccessHelp, report.Interrupted ? 0 : 1),
            RunFamily.Gauge(RunInterrupted, RunInterruptedHelp, report.Interrupted ? 1 : 0),
            RunFamily.Gauge(TagsPruned, "Tags the last prune's plan prunes (dry run) or deleted (apply).", execution?.TagsDeleted ?? plan.TagsPruned),
            RunFamily.Gauge(ManifestsDeleted, "Manifests deleted by the last applied prune (0 for a dry run).", execution?.Deleted.Count ?? 0),
            RunFamily.Gauge(BytesReclaimable, "Bytes the last prune's plan frees after a plain garbage-collect (an upper bound over HTTP).", plan.BytesReclaimable),
            RunFamily.Gauge(BytesReclaimed, "Bytes the next plain garbage-collect can free after the last applied prune.", execution?.BytesReclaimable ?? 0),
            RunFamily.Gauge(Skipped, "Planned deletes the last apply skipped (a push raced it).", execution?.Skipped.Count(s => !s.Failed) ?? 0),
            RunFamily.Gauge(Failed, "Planned deletes that failed in the last apply.", execution?.Failures ?? 0),
        };
        var onlyWhenCompleted = new List<RunFamily>
        {
            RunFamily.Gauge(LastSuccess, "Unix time at which the last prune finished.", finishedAt.ToUnixTimeMilliseconds() / 1000.0),
        };
        return new RunMetrics(always, onlyWhenCompleted, Completed: !report.Interrupted);
    }

    /// <summary>A prune that could not read the registry or storage, or was interrupted before its plan was made: only the run's own health changes.</summary>
    public static RunMetrics Failure(bool interrupted = false) =>
        new([RunFamily.Gauge(RunSuccess, RunSuccessHelp, 0), RunFamily.Gauge(RunInterrupted, RunInterruptedHelp, interrupted ? 1 : 0)], [], Completed: false);
}
