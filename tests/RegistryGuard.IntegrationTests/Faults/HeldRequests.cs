namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>
/// A fault that holds matching requests until the test releases them, then forwards them: "a request is in flight
/// now" as a fact the test can wait for, instead of a sleep. A held request the client gives up on just ends.
/// </summary>
internal sealed class HeldRequests
{
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>How many requests were held.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Completes when the first request is held.</summary>
    public Task Arrived => _arrived.Task;

    public Fault Fault => async exchange =>
    {
        Interlocked.Increment(ref _count);
        _arrived.TrySetResult();
        await _released.Task.WaitAsync(exchange.Aborted);
        var answer = await exchange.FetchAsync();
        await exchange.WriteAsync(answer);
    };

    public void Release() => _released.TrySetResult();

    /// <summary>Hang protection only: a held request arrives as soon as the client gets that far.</summary>
    public Task WaitAsync() => Arrived.WaitAsync(TimeSpan.FromMinutes(2));
}
