using RegistryGuard.Metrics;

namespace RegistryGuard.Scheduling;

/// <summary>What serve's /metrics shows: each job's own families (labelled by task and registry) plus the scheduler's.</summary>
public static class SchedulerMetrics
{
    public static IReadOnlyList<MetricFamily> From(IReadOnlyList<JobStatus> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var jobFamilies = jobs.SelectMany(job => job.Families.Select(f => f.WithLabels(Labels(job))));
        var scheduler = new[]
        {
            Family("registryguard_scheduler_runs_total", "Runs started per scheduled job since serve started.", MetricType.Counter, jobs, j => j.Runs),
            Family("registryguard_scheduler_skipped_runs_total", "Scheduled instants skipped because the job's previous run was still going.", MetricType.Counter, jobs, j => j.Skips),
            Family("registryguard_scheduler_job_running", "1 while the job runs (or waits for the mutating-job gate).", MetricType.Gauge, jobs, j => j.Running ? 1 : 0),
            Family("registryguard_scheduler_last_exit_code", "Exit code of the job's last run (the CLI's codes; -1 before the first run).", MetricType.Gauge, jobs, j => j.LastRun?.ExitCode ?? -1),
            Family("registryguard_scheduler_next_run_timestamp_seconds", "Unix time of the job's next scheduled instant.", MetricType.Gauge,
                jobs.Where(j => j.NextRun is not null).ToList(), j => j.NextRun!.Value.ToUnixTimeMilliseconds() / 1000.0),
        };
        return [.. MetricFamilies.Combine(jobFamilies), .. scheduler.Where(f => f.Samples.Count > 0)];
    }

    private static MetricLabel[] Labels(JobStatus job) => [new("task", job.Name), new("task_type", job.Type), new("registry", job.Registry)];

    private static MetricFamily Family(string name, string help, MetricType type, IReadOnlyList<JobStatus> jobs, Func<JobStatus, double> value) =>
        new(name, help, type, [.. jobs.Select(j => new MetricSample(Labels(j), value(j)))]);
}
