using System.Globalization;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.Runs;

/// <summary>probe: walk the whole registry over HTTP, then report, count and push.</summary>
public sealed class ProbeService(TimeProvider? timeProvider = null)
{
    /// <param name="progress">Started with the walk's live counters and disposed when it ends (the CLI's progress line).</param>
    public async Task<RunOutcome<ProbeReport>> RunAsync(ProbeRunOptions options, Func<ProbeCounters, IAsyncDisposable?>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Push?.Key(ProbeRunOptions.DefaultJob, options.Connection.Instance, options.Shard);
        using var client = new RegistryClient(options.Connection.ClientOptions());
        var prober = new Prober(client, options.ToProbeOptions(), timeProvider);
        ProbeReport report;
        await using (progress?.Invoke(prober.Counters))
        {
            report = await prober.ProbeRegistryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunPublisher.PublishAsync(Outcome(report, prober), options.Push, key).ConfigureAwait(false);
    }

    /// <summary>The outcome of a walk, shared with verify: the report's exit code, the walk's warnings and fatal error.</summary>
    internal static RunOutcome<ProbeReport> Outcome(ProbeReport report, Prober prober) =>
        new(report, report.ExitCode, Summarize(report), ProbeMetrics.From(report))
        {
            Warnings = [.. prober.Warnings],
            Error = report.FatalError,
        };

    private static string Summarize(ProbeReport report)
    {
        var s = report.Summary;
        return report.FatalError is { } fatal
            ? $"registry could not be read: {fatal}"
            : string.Create(CultureInfo.InvariantCulture, $"{s.Repositories} repositories, {s.Tags} tags, {s.Manifests} manifests, {s.Blobs} blobs; {s.Failures} failures")
              + string.Concat(s.Upstreams.Select(u => $"; pull-through {u.Pattern}: {s.PullThroughRepositories} cached repositories, upstream {u.State.ToString().ToLowerInvariant()}"));
    }
}
