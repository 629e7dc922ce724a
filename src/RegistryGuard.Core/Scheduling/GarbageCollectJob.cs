using RegistryGuard.Common;
using RegistryGuard.Metrics;

namespace RegistryGuard.Scheduling;

/// <summary>
/// Runs the registry's own plain <c>garbage-collect</c>. Never <c>--delete-untagged</c>: on distribution 2.8 it
/// deletes the children of tagged multi-arch indexes (REGISTRY-FACTS.md).
/// </summary>
public sealed class GarbageCollectJob : IScheduledJob
{
    public const string RunSuccess = "registryguard_gc_run_success";
    public const string RunDuration = "registryguard_gc_run_duration_seconds";
    public const string LastSuccess = "registryguard_gc_last_success_timestamp_seconds";

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

    private JobResult Result(bool success, long started, string summary)
    {
        var duration = _time.GetElapsedTime(started);
        var always = new List<MetricFamily>
        {
            MetricFamily.Gauge(RunSuccess, "1 if the last garbage-collect exited 0.", success ? 1 : 0),
            MetricFamily.Gauge(RunDuration, "Duration of the last garbage-collect in seconds.", duration.TotalSeconds),
        };
        var onSuccess = new List<MetricFamily>
        {
            MetricFamily.Gauge(LastSuccess, "Unix time at which the last successful garbage-collect finished.", _time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0),
        };
        return new JobResult(success ? ExitCodes.Clean : ExitCodes.RegistryUnavailable, summary, new RunMetrics(always, onSuccess, success));
    }
}
