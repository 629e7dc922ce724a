using System.Threading.Channels;
using RegistryGuard.Metrics;
using RegistryGuard.Scheduling;

namespace RegistryGuard.Tests.Scheduling;

public sealed class JobSchedulerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Time_zone_data_is_available_under_invariant_globalization()
    {
        Assert.Equal(TimeSpan.Zero, London.GetUtcOffset(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(TimeSpan.FromHours(1), London.GetUtcOffset(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Jobs_fire_at_local_wall_clock_instants_across_both_DST_changes()
    {
        // 09:00 in London is 09:00 UTC in winter and 08:00 UTC in summer.
        var spring = await FireTimesAsync(new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero),
        [
            new(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), // GMT
            new(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), // BST from 01:00 UTC that night
            new(2026, 3, 30, 8, 0, 0, TimeSpan.Zero),
        ]);
        var autumn = await FireTimesAsync(new DateTimeOffset(2026, 10, 23, 12, 0, 0, TimeSpan.Zero),
        [
            new(2026, 10, 24, 8, 0, 0, TimeSpan.Zero), // BST
            new(2026, 10, 25, 9, 0, 0, TimeSpan.Zero), // GMT from 01:00 UTC that night
            new(2026, 10, 26, 9, 0, 0, TimeSpan.Zero),
        ]);

        Assert.Equal((3, 3), (spring.Count, autumn.Count));
    }

    /// <summary>Moves a fake clock to each expected instant in turn and returns the instants the scheduler ran the job for.</summary>
    private static async Task<List<DateTimeOffset>> FireTimesAsync(DateTimeOffset start, DateTimeOffset[] expected)
    {
        var time = new ObservedFakeTimeProvider(start);
        var events = Channel.CreateUnbounded<SchedulerEvent>();
        var job = new ScheduledJob("nightly", "probe", "main", CronSchedule.Parse("0 9 * * *", London), new FakeJob(false, false));
        using var scheduler = new JobScheduler([job], time, e => events.Writer.TryWrite(e));
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);
        var fired = new List<DateTimeOffset>();
        foreach (var instant in expected)
        {
            await time.WaitForPendingTimerAsync();
            Assert.Equal(instant, scheduler.Snapshot()[0].NextRun); // the scheduler waits for exactly this instant
            time.SetUtcNow(instant);
            var finished = await NextAsync(events, SchedulerEventKind.Finished);
            fired.Add(finished.ScheduledAt);
            Assert.Equal(instant, finished.Run!.StartedAt);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only
        Assert.Equal(expected, fired);
        return fired;
    }

    [Fact]
    public void A_time_the_spring_change_skips_fires_once_at_the_jump_and_a_repeated_hour_fires_once()
    {
        var schedule = CronSchedule.Parse("30 1 * * *", London);

        var spring = schedule.NextAfter(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        var autumnFirst = schedule.NextAfter(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        var autumnSecond = schedule.NextAfter(autumnFirst!.Value);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), spring); // 02:00 BST, where the clocks jumped to
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), autumnFirst); // 01:30 BST
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero), autumnSecond); // not again at 01:30 GMT the same night
    }

    [Fact]
    public async Task Mutating_jobs_never_overlap_while_a_probe_runs_alongside()
    {
        var time = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var events = Channel.CreateUnbounded<SchedulerEvent>();
        var meter = new ConcurrencyMeter();
        var prune = new FakeJob(true, true, meter);
        var gc = new FakeJob(true, true, meter);
        var probe = new FakeJob(false, true);
        var utc = TimeZoneInfo.Utc;
        using var scheduler = new JobScheduler(
            [
                new ScheduledJob("prune", "prune", "main", CronSchedule.Parse("0 3 * * *", utc), prune),
                new ScheduledJob("gc", "gc", "main", CronSchedule.Parse("0 3 * * *", utc), gc),
                new ScheduledJob("probe", "probe", "main", CronSchedule.Parse("0 3 * * *", utc), probe),
            ],
            time,
            e => events.Writer.TryWrite(e));
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);

        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 3, 0, 0, TimeSpan.Zero));
        var started = new List<string> { (await NextAsync(events, SchedulerEventKind.Started)).Job, (await NextAsync(events, SchedulerEventKind.Started)).Job };

        // Two jobs run: the probe and exactly one mutating job; the other mutating job waits at the gate.
        Assert.Contains("probe", started);
        var first = started.Single(j => j != "probe");
        var (firstJob, secondJob, second) = first == "prune" ? (prune, gc, "gc") : (gc, prune, "prune");
        firstJob.Release();
        var log = new List<SchedulerEvent> { await NextAsync(events, null), await NextAsync(events, null) };
        Assert.Equal([(SchedulerEventKind.Finished, first), (SchedulerEventKind.Started, second)], log.Select(e => (e.Kind, e.Job)));
        secondJob.Release();
        probe.Release();
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only

        Assert.Equal(1, meter.Max);
        Assert.All(scheduler.Snapshot(), s => Assert.Equal(1, s.Runs));
    }

    [Fact]
    public async Task A_job_still_running_at_its_next_tick_is_skipped_and_counted()
    {
        var time = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 30, TimeSpan.Zero));
        var events = Channel.CreateUnbounded<SchedulerEvent>();
        var slow = new FakeJob(false, true);
        using var scheduler = new JobScheduler([new ScheduledJob("probe", "probe", "main", CronSchedule.Parse("* * * * *", TimeZoneInfo.Utc), slow)], time,
            e => events.Writer.TryWrite(e));
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);

        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 1, 0, TimeSpan.Zero));
        await NextAsync(events, SchedulerEventKind.Started);
        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 2, 0, TimeSpan.Zero));
        var skipped = await NextAsync(events, SchedulerEventKind.Skipped);
        slow.Release();
        await NextAsync(events, SchedulerEventKind.Finished);
        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 3, 0, TimeSpan.Zero));
        await NextAsync(events, SchedulerEventKind.Started);
        slow.Release();
        await NextAsync(events, SchedulerEventKind.Finished);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only

        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 2, 0, TimeSpan.Zero), skipped.ScheduledAt);
        var status = Assert.Single(scheduler.Snapshot());
        Assert.Equal((2L, 1L), (status.Runs, status.Skips));
        var metrics = await ScrapedSample.CollectAsync(SchedulerMetrics.From([.. scheduler.Snapshot().Select(j => j.ForMetrics())]));
        Assert.Equal(1, metrics.Single(s => s.Name == "registryguard_scheduler_skipped_runs_total").Value);
    }

    [Fact]
    public async Task Shutdown_cancels_a_running_probe_and_returns()
    {
        var time = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 30, TimeSpan.Zero));
        var events = Channel.CreateUnbounded<SchedulerEvent>();
        using var scheduler = new JobScheduler([new ScheduledJob("probe", "probe", "main", CronSchedule.Parse("* * * * *", TimeZoneInfo.Utc), new FakeJob(false, true))], time,
            e => events.Writer.TryWrite(e));
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);
        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 1, 0, TimeSpan.Zero));
        await NextAsync(events, SchedulerEventKind.Started);

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only

        Assert.Equal("cancelled", Assert.Single(scheduler.Snapshot()).LastRun!.Result);
    }

    [Fact]
    public async Task Shutdown_lets_a_running_mutating_job_finish_and_a_waiting_one_never_starts()
    {
        var time = new ObservedFakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 30, TimeSpan.Zero));
        var events = Channel.CreateUnbounded<SchedulerEvent>();
        using var gc = new FakeJob(true, true);
        using var prune = new FakeJob(true, true);
        using var scheduler = new JobScheduler(
            [
                new ScheduledJob("gc", "gc", "main", CronSchedule.Parse("1 0 * * *", TimeZoneInfo.Utc), gc),
                new ScheduledJob("prune", "prune", "main", CronSchedule.Parse("2 0 * * *", TimeZoneInfo.Utc), prune),
            ],
            time,
            e => events.Writer.TryWrite(e));
        using var stop = new CancellationTokenSource();
        var running = scheduler.RunAsync(stop.Token);
        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 1, 0, TimeSpan.Zero));
        Assert.Equal("gc", (await NextAsync(events, SchedulerEventKind.Started)).Job);
        await time.WaitForPendingTimerAsync();
        time.SetUtcNow(new DateTimeOffset(2026, 5, 1, 0, 2, 0, TimeSpan.Zero));
        await time.WaitForPendingTimerAsync(); // the 00:02 tick is processed: prune waits at the gate
        Assert.True(scheduler.Snapshot().Single(s => s.Name == "prune").Running);

        await stop.CancelAsync();
        gc.Release();
        await running.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only

        var status = scheduler.Snapshot().ToDictionary(s => s.Name);
        Assert.Equal("clean", status["gc"].LastRun!.Result); // not cancelled half-way
        Assert.Null(status["prune"].LastRun);
        Assert.Equal(0, status["prune"].Runs);
    }

    private static async Task<SchedulerEvent> NextAsync(Channel<SchedulerEvent> events, SchedulerEventKind? kind)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // hang protection only
        while (true)
        {
            var e = await events.Reader.ReadAsync(guard.Token);
            if (kind is null || e.Kind == kind)
            {
                return e;
            }
        }
    }
}
