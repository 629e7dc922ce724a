using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Reporting;

namespace RegistryGuard.Scheduling;

/// <summary>
/// Runs the registry's own plain <c>garbage-collect</c>. Never <c>--delete-untagged</c>: on distribution 2.8 it
/// deletes the children of tagged multi-arch indexes (REGISTRY-FACTS.md).
/// </summary>
public sealed class GarbageCollectJob : IScheduledJob
{
    private readonly string _command;
    private readonly string _registryConfig;
    private readonly bool _dryRun;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public GarbageCollectJob(string command, string registryConfig, bool dryRun, TimeSpan timeout, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentException.ThrowIfNullOrEmpty(registryConfig);
        _command = command;
        _registryConfig = registryConfig;
        _dryRun = dryRun;
        _timeout = timeout;
        _time = timeProvider ?? TimeProvider.System;
    }

    public bool Mutating => true;

    public IReadOnlyList<string> Arguments => _dryRun ? ["garbage-collect", "--dry-run", _registryConfig] : ["garbage-collect", _registryConfig];

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        ProcessResult result;
        try
        {
            result = await ProcessRunner.RunAsync(_command, Arguments, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Result(false, started, $"garbage-collect could not run: {ex.Message}");
        }

        var lastLine = result.Combined.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        return result.ExitCode == 0
            ? Result(true, started, $"garbage-collect{(_dryRun ? " --dry-run" : "")} done: {lastLine}")
            : Result(false, started, $"garbage-collect exited {result.ExitCode}: {lastLine}");
    }

    private JobResult Result(bool success, long started, string summary) => new(
        success ? ExitCodes.Clean : ExitCodes.RegistryUnavailable,
        summary,
        GarbageCollectMetrics.From(success, _time.GetElapsedTime(started), _time.GetUtcNow()));
}
