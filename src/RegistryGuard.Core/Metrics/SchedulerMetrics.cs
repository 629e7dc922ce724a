using Prometheus;

namespace RegistryGuard.Metrics;

/// <summary>What serve's /metrics shows: each job's own families (labelled by task and registry) plus the scheduler's.</summary>
public static class SchedulerMetrics
{
    private static readonly string[] JobLabelNames = ["task", "task_type", "registry"];

    /// <summary>
    /// A registry of its own, built per scrape from a snapshot: a job's families appear exactly as its runs left
    /// them (a failed run replaced only its own families), with no series left behind by an earlier snapshot.
    /// </summary>
    public static CollectorRegistry From(IReadOnlyList<ScheduledJobSnapshot> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        foreach (var job in jobs)
        {
            var labelled = factory.WithLabels(new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["task"] = job.Name,
                ["task_type"] = job.Type,
                ["registry"] = job.Registry,
            });
            foreach (var family in job.Families)
            {
                family.PublishTo(labelled);
            }
        }

        if (jobs.Count == 0)
        {
            return registry;
        }

        var runs = factory.CreateCounter("registryguard_scheduler_runs_total", "Runs started per scheduled job since serve started.", JobLabelNames);
        var skips = factory.CreateCounter("registryguard_scheduler_skipped_runs_total", "Scheduled instants skipped because the job's previous run was still going.", JobLabelNames);
        var running = factory.CreateGauge("registryguard_scheduler_job_running", "1 while the job runs (or waits for the mutating-job gate).", JobLabelNames);
        var exitCode = factory.CreateGauge("registryguard_scheduler_last_exit_code", "Exit code of the job's last run (the CLI's codes; -1 before the first run).", JobLabelNames);
        foreach (var job in jobs)
        {
            runs.WithLabels(LabelValues(job)).IncTo(job.Runs);
            skips.WithLabels(LabelValues(job)).IncTo(job.Skips);
            running.WithLabels(LabelValues(job)).Set(job.Running ? 1 : 0);
            exitCode.WithLabels(LabelValues(job)).Set(job.LastExitCode ?? -1);
        }

        var scheduled = jobs.Where(j => j.NextRun is not null).ToList();
        if (scheduled.Count > 0)
        {
            var next = factory.CreateGauge("registryguard_scheduler_next_run_timestamp_seconds", "Unix time of the job's next scheduled instant.", JobLabelNames);
            foreach (var job in scheduled)
            {
                next.WithLabels(LabelValues(job)).Set(job.NextRun!.Value.ToUnixTimeMilliseconds() / 1000.0);
            }
        }

        return registry;
    }

    private static string[] LabelValues(ScheduledJobSnapshot job) => [job.Name, job.Type, job.Registry];
}
