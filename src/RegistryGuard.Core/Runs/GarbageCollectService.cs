using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Runs;

/// <summary>gc: run the registry's own plain <c>garbage-collect</c>, then count and push.</summary>
public sealed class GarbageCollectService(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<RunOutcome<ProcessResult>> RunAsync(GarbageCollectRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Push?.Key(GarbageCollectRunOptions.DefaultJob, PushSettings.DefaultInstance(options.Registry), Shard.Whole);
        var started = _time.GetTimestamp();
        RunOutcome<ProcessResult> outcome;
        try
        {
            var result = await ProcessRunner.RunAsync(options.Command, options.Arguments, options.Timeout, cancellationToken).ConfigureAwait(false);
            var lastLine = result.Combined.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            outcome = result.ExitCode == 0
                ? Outcome(result, started, $"garbage-collect{(options.DryRun ? " --dry-run" : "")} done: {lastLine}")
                : Outcome(result, started, $"garbage-collect exited {result.ExitCode}: {lastLine}");
        }
        catch (Exception ex) when (ex is TimeoutException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            outcome = Outcome(null, started, $"garbage-collect could not run: {ex.Message}") with { Error = ex.Message };
        }

        return await RunPublisher.PublishAsync(outcome, options.Push, key).ConfigureAwait(false);
    }

    private RunOutcome<ProcessResult> Outcome(ProcessResult? result, long started, string summary)
    {
        var success = result is { ExitCode: 0 };
        var metrics = GarbageCollectMetrics.From(success, _time.GetElapsedTime(started), _time.GetUtcNow());
        return new RunOutcome<ProcessResult>(result, success ? ExitCodes.Clean : ExitCodes.RegistryUnavailable, summary, metrics);
    }
}
