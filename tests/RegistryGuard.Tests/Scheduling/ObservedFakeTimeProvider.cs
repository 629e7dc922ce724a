using Microsoft.Extensions.Time.Testing;

namespace RegistryGuard.Tests.Scheduling;

/// <summary>
/// <see cref="FakeTimeProvider"/> that also tells when the code under test has armed a timer, i.e. is waiting for
/// the clock. A test moves the clock only then: moved earlier, the scheduler's next delay would start from the
/// moved clock and wait too long. The clock and the timers are FakeTimeProvider's; this only watches them.
/// </summary>
internal sealed class ObservedFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly HashSet<WatchedTimer> _armed = [];
    private TaskCompletionSource _armedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once some timer is armed: the code under test is waiting for the clock.</summary>
    public async Task WaitForPendingTimerAsync()
    {
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_armed.Count > 0)
                {
                    return;
                }

                changed = _armedChanged.Task;
            }

            await changed.WaitAsync(TimeSpan.FromMinutes(1)); // hang protection only
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this, period);
        watched.Arm(dueTime); // before the base timer exists: a due time of zero fires inside CreateTimer
        watched.Inner = base.CreateTimer(s =>
        {
            watched.Fired();
            callback(s);
        }, state, dueTime, period);
        return watched;
    }

    private void Track(WatchedTimer timer, bool armed)
    {
        lock (_lock)
        {
            if (armed ? _armed.Add(timer) : _armed.Remove(timer))
            {
                _armedChanged.TrySetResult();
                _armedChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private sealed class WatchedTimer(ObservedFakeTimeProvider owner, TimeSpan period) : ITimer
    {
        private TimeSpan _period = period;

        public ITimer Inner { get; set; } = null!;

        public void Arm(TimeSpan dueTime) => owner.Track(this, dueTime != Timeout.InfiniteTimeSpan);

        public void Fired() => owner.Track(this, _period != Timeout.InfiniteTimeSpan && _period != TimeSpan.Zero);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Arm(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            owner.Track(this, false);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
