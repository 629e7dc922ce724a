namespace RegistryGuard.Tests.Scheduling;

/// <summary>A clock that moves only when the test says so; timers fire during <see cref="AdvanceTo"/>.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _timerAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once some timer is pending: the code under test is waiting for the clock.</summary>
    public async Task WaitForPendingTimerAsync()
    {
        while (true)
        {
            Task added;
            lock (_lock)
            {
                if (_timers.Count > 0)
                {
                    return;
                }

                added = _timerAdded.Task;
            }

            await added.WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    public void AdvanceTo(DateTimeOffset instant)
    {
        while (true)
        {
            ManualTimer? due;
            lock (_lock)
            {
                due = _timers.Where(t => t.DueAt <= instant).OrderBy(t => t.DueAt).FirstOrDefault();
                if (due is null)
                {
                    _now = instant > _now ? instant : _now;
                    return;
                }

                _now = due.DueAt > _now ? due.DueAt : _now;
                if (due.Period > TimeSpan.Zero)
                {
                    due.DueAt += due.Period;
                }
                else
                {
                    _timers.Remove(due);
                }
            }

            due.Fire();
        }
    }

    public void Advance(TimeSpan by) => AdvanceTo(GetUtcNow() + by);

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                DueAt = owner._now + dueTime;
                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                owner._timers.Add(this);
                owner._timerAdded.TrySetResult();
                owner._timerAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
