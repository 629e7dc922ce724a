using RegistryGuard.Scanning;

namespace RegistryGuard.Cli.Commands;

/// <summary>A one-line live counter on stderr for scans, only when stderr is a terminal.</summary>
internal sealed class ScanProgressReporter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ScanProgressReporter(ScanCounters counters)
    {
        _loop = LoopAsync(counters, _stop.Token);
    }

    public static ScanProgressReporter? StartIfTerminal(ScanCounters counters) => Console.IsErrorRedirected ? null : new ScanProgressReporter(counters);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        await Console.Error.WriteAsync("\r\u001b[K").ConfigureAwait(false);
    }

    private static async Task LoopAsync(ScanCounters c, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteAsync($"\r\u001b[K{c.Blobs} blobs, {c.BlobsHashed} hashed, {c.Repositories} repositories, {c.Tags} tags, {c.Revisions} revisions, {c.LayerLinks} layer links…").ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // finished
        }
    }
}
