namespace RegistryGuard.Metrics;

/// <summary>The metric families of serve's gc job (the registry's own plain garbage-collect; see docs/metrics.md).</summary>
public static class GarbageCollectMetrics
{
    public const string DefaultJob = "registryguard-gc";

    public const string RunSuccess = "registryguard_gc_run_success";
    public const string RunDuration = "registryguard_gc_run_duration_seconds";
    public const string LastSuccess = "registryguard_gc_last_success_timestamp_seconds";

    /// <param name="success">garbage-collect ran and exited 0.</param>
    /// <param name="finishedAt">When it ended: the last-success timestamp of a successful run.</param>
    public static RunMetrics From(bool success, TimeSpan duration, DateTimeOffset finishedAt)
    {
        var always = new List<RunFamily>
        {
            RunFamily.Gauge(RunSuccess, "1 if the last garbage-collect exited 0.", success ? 1 : 0),
            RunFamily.Gauge(RunDuration, "Duration of the last garbage-collect in seconds.", duration.TotalSeconds),
        };
        var onSuccess = new List<RunFamily>
        {
            RunFamily.Gauge(LastSuccess, "Unix time at which the last successful garbage-collect finished.", finishedAt.ToUnixTimeMilliseconds() / 1000.0),
        };
        return new RunMetrics(always, onSuccess, success);
    }
}
