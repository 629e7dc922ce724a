using RegistryGuard.Probing;

namespace RegistryGuard.Cli.Commands;

/// <summary>A one-line live counter on stderr, only when stderr is a terminal (never in CI logs or pipes).</summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ProgressReporter(ProbeCounters counters)
    {
        _loop = LoopAsync(counters, _stop.Token);
    }

    public static ProgressReporter? StartIfTerminal(ProbeCounters counters) => Console.IsErrorRedirected ? null : new ProgressReporter(counters);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        await Console.Error.WriteAsync("\r\u001b[K").ConfigureAwait(false);
    }

    private static async Task LoopAsync(ProbeCounters c, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteAsync($"\r\u001b[K{c.Repositories} repositories, {c.Tags} tags, {c.Manifests} manifests, {c.Blobs} blobs, {c.BlobsHashed} hashed…").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // finished
        }
    }
}
