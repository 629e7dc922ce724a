using RegistryGuard.Scheduling;

namespace RegistryGuard.Tests.Scheduling;

/// <summary>A job whose runs the test lets finish; it counts how many of its kind run at once.</summary>
internal sealed class FakeJob(bool mutating, bool blocks, ConcurrencyMeter? meter = null) : IScheduledJob, IDisposable
{
    private readonly SemaphoreSlim _release = new(0);

    public bool Mutating => mutating;

    /// <summary>Lets one run (the current or the next) finish.</summary>
    public void Release() => _release.Release();

    public void Dispose() => _release.Dispose();

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        meter?.Enter();
        try
        {
            if (blocks)
            {
                await _release.WaitAsync(cancellationToken);
            }

            return new JobResult(0, "ok");
        }
        finally
        {
            meter?.Leave();
        }
    }
}

internal sealed class ConcurrencyMeter
{
    private int _current;
    private int _max;

    public int Max => Volatile.Read(ref _max);

    public void Enter()
    {
        var now = Interlocked.Increment(ref _current);
        int seen;
        while ((seen = Volatile.Read(ref _max)) < now && Interlocked.CompareExchange(ref _max, now, seen) != seen)
        {
        }
    }

    public void Leave() => Interlocked.Decrement(ref _current);
}
