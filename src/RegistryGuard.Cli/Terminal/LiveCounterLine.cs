namespace RegistryGuard.Cli.Terminal;

/// <summary>A one-line live counter on stderr, only when stderr is a terminal (never in CI logs or pipes).</summary>
internal sealed class LiveCounterLine : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LiveCounterLine(Func<string> line)
    {
        _loop = LoopAsync(line, _stop.Token);
    }

    /// <param name="line">The counters as text, read four times a second.</param>
    public static LiveCounterLine? StartIfTerminal(Func<string> line) => Console.IsErrorRedirected ? null : new LiveCounterLine(line);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
        await Console.Error.WriteAsync("\r\u001b[K").ConfigureAwait(false);
    }

    private static async Task LoopAsync(Func<string> line, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteAsync("\r\u001b[K" + line()).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // finished
        }
    }
}
