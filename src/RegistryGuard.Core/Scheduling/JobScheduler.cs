using RegistryGuard.Common;
using RegistryGuard.Metrics;

namespace RegistryGuard.Scheduling;

/// <summary>
/// Fires jobs at their cron instants, read from an injected <see cref="TimeProvider"/>. A job still running at its
/// next instant is skipped (counted), never stacked; missed instants collapse into one run. Mutating jobs queue
/// behind one gate so two of them never touch the registry at once; read-only jobs (probe) run alongside.
/// </summary>
public sealed class JobScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action<SchedulerEvent>? _observer;
    private readonly SemaphoreSlim _mutatingGate = new(1, 1);
    private readonly Lock _lock = new();
    private readonly List<State> _states;
    private readonly List<Task> _running = [];

    public JobScheduler(IReadOnlyList<ScheduledJob> jobs, TimeProvider timeProvider, Action<SchedulerEvent>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var duplicate = jobs.GroupBy(j => j.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"job name '{duplicate.Key}' is used twice", nameof(jobs));
        }

        _states = [.. jobs.Select(j => new State(j))];
        _time = timeProvider;
        _observer = observer;
    }

    /// <summary>Schedules until <paramref name="stopping"/> is cancelled, then waits for the runs in progress.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            foreach (var state in _states)
            {
                state.Next = state.Definition.Schedule.NextAfter(now);
            }
        }

        while (!stopping.IsCancellationRequested)
        {
            now = _time.GetUtcNow();
            DateTimeOffset? earliest = null;
            lock (_lock)
            {
                foreach (var state in _states)
                {
                    if (state.Next is { } due && due <= now)
                    {
                        Fire(state, due, stopping);
                        state.Next = state.Definition.Schedule.NextAfter(now);
                    }

                    if (state.Next is { } next && (earliest is null || next < earliest))
                    {
                        earliest = next;
                    }
                }
            }

            try
            {
                var wait = earliest is { } at ? at - now : Timeout.InfiniteTimeSpan;
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
        }

        Task[] inFlight;
        lock (_lock)
        {
            inFlight = [.. _running];
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    public IReadOnlyList<JobStatus> Snapshot()
    {
        lock (_lock)
        {
            return [.. _states.Select(s => new JobStatus(
                s.Definition.Name, s.Definition.Type, s.Definition.Registry, s.Definition.Job.Mutating, s.Definition.Schedule.Text,
                s.Next, s.Running, s.Runs, s.Skips, s.LastRun, s.Families ?? []))];
        }
    }

    private void Fire(State state, DateTimeOffset scheduledAt, CancellationToken stopping)
    {
        if (state.Running)
        {
            state.Skips++;
            _observer?.Invoke(new SchedulerEvent(SchedulerEventKind.Skipped, state.Definition.Name, scheduledAt));
            return;
        }

        state.Running = true;
        Task run = null!;
        run = Task.Run(async () =>
        {
            try
            {
                await RunOnceAsync(state, scheduledAt, stopping).ConfigureAwait(false);
            }
            finally
            {
                lock (_lock)
                {
                    state.Running = false; // already false unless the run ended abnormally
                    _running.Remove(run);
                }
            }
        }, CancellationToken.None);
        _running.Add(run);
    }

    private async Task RunOnceAsync(State state, DateTimeOffset scheduledAt, CancellationToken stopping)
    {
        var job = state.Definition.Job;
        if (job.Mutating)
        {
            var acquired = false;
            try
            {
                await _mutatingGate.WaitAsync(stopping).ConfigureAwait(false);
                acquired = true;
            }
            catch (OperationCanceledException)
            {
            }

            // The gate can be granted in the same instant shutdown begins: a job that has not started yet does not start.
            if (!acquired || stopping.IsCancellationRequested)
            {
                if (acquired)
                {
                    _mutatingGate.Release();
                }

                lock (_lock)
                {
                    state.Running = false;
                }

                return; // nothing was touched
            }
        }

        try
        {
            var started = _time.GetUtcNow();
            lock (_lock)
            {
                state.Runs++;
            }

            _observer?.Invoke(new SchedulerEvent(SchedulerEventKind.Started, state.Definition.Name, scheduledAt));
            JobResult result;
            string outcome;
            try
            {
                // A mutating job is never cancelled half-way: its journal must be complete.
                result = await job.RunAsync(job.Mutating ? CancellationToken.None : stopping).ConfigureAwait(false);
                outcome = result.ExitCode switch
                {
                    ExitCodes.Clean => "clean",
                    ExitCodes.Findings => "findings",
                    ExitCodes.RegistryUnavailable => "registry_unavailable",
                    _ => "failed",
                };
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                result = new JobResult(ExitCodes.Interrupted, "cancelled at shutdown");
                outcome = "cancelled";
            }
#pragma warning disable CA1031 // a job's bug must not stop the scheduler; it is recorded as the run's result
            catch (Exception ex)
#pragma warning restore CA1031
            {
                result = new JobResult(70, $"{ex.GetType().Name}: {ex.Message}");
                outcome = "failed";
            }

            var run = new JobRun(scheduledAt, started, _time.GetUtcNow(), result.ExitCode, outcome, result.Summary);
            lock (_lock)
            {
                // Not running any more before anyone hears it finished: a tick right after is a run, not a skip.
                state.Running = false;
                state.LastRun = run;
                if (result.Metrics is { } metrics)
                {
                    state.Families = metrics.ApplyTo(state.Families);
                }
            }

            _observer?.Invoke(new SchedulerEvent(SchedulerEventKind.Finished, state.Definition.Name, scheduledAt, run));
        }
        finally
        {
            if (job.Mutating)
            {
                _mutatingGate.Release();
            }
        }
    }

    public void Dispose() => _mutatingGate.Dispose();

    private sealed class State(ScheduledJob definition)
    {
        public ScheduledJob Definition { get; } = definition;

        public DateTimeOffset? Next { get; set; }

        public bool Running { get; set; }

        public long Runs { get; set; }

        public long Skips { get; set; }

        public JobRun? LastRun { get; set; }

        public IReadOnlyList<RunFamily>? Families { get; set; }
    }
}
