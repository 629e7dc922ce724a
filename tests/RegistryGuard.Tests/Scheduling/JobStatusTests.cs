using RegistryGuard.Metrics;
using RegistryGuard.Scheduling;

namespace RegistryGuard.Tests.Scheduling;

public sealed class JobStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void What_metrics_shows_of_a_job_is_its_counts_state_last_exit_code_next_run_and_families()
    {
        var families = GarbageCollectMetrics.From(true, TimeSpan.FromSeconds(4), Now).ApplyTo(null);
        var ran = new JobStatus("gc", "gc", "main", true, "0 3 * * *", Now.AddDays(1), Running: true, Runs: 3, Skips: 1,
            new JobRun(Now, Now, Now.AddSeconds(4), 4, "push failed", "gc: ok"), families);
        var never = ran with { LastRun = null, NextRun = null };

        Assert.Equal(new ScheduledJobSnapshot("gc", "gc", "main", 3, 1, true, 4, Now.AddDays(1), families), ran.ForMetrics());
        Assert.Equal((null, null), (never.ForMetrics().LastExitCode, never.ForMetrics().NextRun));
    }
}
