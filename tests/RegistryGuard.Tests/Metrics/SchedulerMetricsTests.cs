using RegistryGuard.Metrics;

namespace RegistryGuard.Tests.Metrics;

public sealed class SchedulerMetricsTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_job_shows_its_families_with_its_labels_and_a_failed_run_keeps_the_last_results()
    {
        var completed = GarbageCollectMetrics.From(true, TimeSpan.FromSeconds(4), Now);
        var failed = GarbageCollectMetrics.From(false, TimeSpan.FromSeconds(1), Now.AddDays(1));
        var nightly = Status("gc-nightly", failed.ApplyTo(completed.ApplyTo(null)), runs: 2, next: Now.AddDays(2));
        var weekly = Status("gc-weekly", completed.ApplyTo(null), runs: 0, next: null);

        var samples = await ScrapedSample.CollectAsync(SchedulerMetrics.From([nightly, weekly]));

        double Value(string name, string task) => samples.Single(s => s.Name == name && s.Labels["task"] == task).Value;
        Assert.Equal(0, Value(GarbageCollectMetrics.RunSuccess, "gc-nightly"));
        Assert.Equal(Now.ToUnixTimeSeconds(), Value(GarbageCollectMetrics.LastSuccess, "gc-nightly")); // from the completed run
        Assert.Equal(1, Value(GarbageCollectMetrics.RunSuccess, "gc-weekly"));
        Assert.All(samples.Where(s => !s.Name.StartsWith("registryguard_scheduler_", StringComparison.Ordinal)),
            s => Assert.Equal(("gc", "main"), (s.Labels["task_type"], s.Labels["registry"])));
        Assert.Equal(2, Value("registryguard_scheduler_runs_total", "gc-nightly"));
        Assert.Equal(-1, Value("registryguard_scheduler_last_exit_code", "gc-weekly"));
        Assert.Equal(Now.AddDays(2).ToUnixTimeSeconds(), Assert.Single(samples, s => s.Name == "registryguard_scheduler_next_run_timestamp_seconds").Value);
    }

    [Fact]
    public async Task No_jobs_no_families()
    {
        Assert.Empty(await ScrapedSample.CollectAsync(SchedulerMetrics.From([])));
    }

    private static ScheduledJobSnapshot Status(string name, IReadOnlyList<RunFamily> families, long runs, DateTimeOffset? next) =>
        new(name, "gc", "main", runs, 0, Running: false, LastExitCode: null, next, families);
}
