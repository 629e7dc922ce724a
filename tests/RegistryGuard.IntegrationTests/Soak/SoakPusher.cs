using RegistryGuard.Demo;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// A client pushing a new build every <c>interval</c> while serve runs, so prune and gc keep finding work. It pushes
/// only when <c>safeToPush</c> says so (never while gc can sweep: plain garbage-collect is not safe against a
/// concurrent push, which is the registry's rule, not RegistryGuard's), and it can be paused for an outage or a
/// checkpoint (pausing waits for a push in flight).
/// </summary>
internal sealed class SoakPusher : IAsyncDisposable
{
    private readonly RegistryClient _client;
    private readonly Func<Task<bool>> _safeToPush;
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _pushing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private volatile bool _paused = true;
    private int _builds;

    public SoakPusher(Uri registry, Func<Task<bool>> safeToPush, TimeSpan interval)
    {
        _client = new RegistryClient(new RegistryClientOptions(registry) { MaxRetries = 0 });
        _safeToPush = safeToPush;
        _interval = interval;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Builds pushed so far (the tag of the newest is <see cref="SoakImages.TagOf"/> of this number).</summary>
    public int Builds => Volatile.Read(ref _builds);

    public int FailedPushes { get; private set; }

    public Task SeedAsync(CancellationToken cancellationToken) =>
        ImagePusher.PushAsync(_client, SoakImages.Repository, SoakImages.Latest.Tag, SoakImages.Latest.Artifact, cancellationToken);

    public void Resume() => _paused = false;

    /// <summary>Stops pushing; returns once no push is in flight.</summary>
    public async Task PauseAsync()
    {
        _paused = true;
        await _pushing.WaitAsync();
        _pushing.Release();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _pushing.Dispose();
        _client.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await _pushing.WaitAsync();
            try
            {
                if (!_paused && await _safeToPush())
                {
                    await PushNextAsync();
                }
            }
            finally
            {
                _pushing.Release();
            }

            try
            {
                await Task.Delay(_interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PushNextAsync()
    {
        var build = SoakImages.Build(Builds + 1);
        try
        {
            await ImagePusher.PushAsync(_client, build.Repository, build.Tag, build.Artifact, _stop.Token);
            Interlocked.Increment(ref _builds);
        }
        catch (Exception ex) when (ex is RegistryException or HttpRequestException or OperationCanceledException)
        {
            FailedPushes++; // pushed again as the same build next time
        }
    }
}
