using System.Globalization;
using RegistryGuard.Common;
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
        if (StateFileProblem(options) is { } unwritable)
        {
            return RunRefusal.Of<ProbeReport>(unwritable);
        }

        var (connection, note) = await SchemeFallback.ResolveAsync(options.Connection, cancellationToken).ConfigureAwait(false);
        using var client = new RegistryClient(connection.ClientOptions());
        var prober = new Prober(client, (options with { Connection = connection }).ToProbeOptions(), timeProvider);
        ProbeReport report;
        await using (progress?.Invoke(prober.Counters))
        {
            report = await prober.ProbeRegistryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunPublisher.PublishAsync(Outcome(report, prober) with { Notes = note is null ? [] : [note] }, options.Push, key).ConfigureAwait(false);
    }

    /// <summary>The outcome of a walk, shared with verify: the report's exit code, the walk's warnings and fatal error.</summary>
    internal static RunOutcome<ProbeReport> Outcome(ProbeReport report, Prober prober) =>
        new(report, report.ExitCode, Summarize(report), ProbeMetrics.From(report))
        {
            Warnings = [.. prober.Warnings],
            Error = report.FatalError is { } fatal ? $"{report.Summary.Target}: {fatal}" : null,
            Interrupted = report.Interrupted,
        };

    /// <summary>A state file given explicitly that cannot be written stops the run before it walks (the default one only warns).</summary>
    internal static string? StateFileProblem(ProbeRunOptions options) =>
        new[] { (options.CatalogStateFile, "--state-file"), (options.UpstreamStateFile, "--upstream-state") }
            .Select(f => f.Item1 is null ? null : WritablePlace.FileProblem(f.Item1, f.Item2))
            .FirstOrDefault(p => p is not null) is { } problem
            ? problem + "; pass a writable path"
            : DeepStateProblem(options.Walk);

    internal static string? DeepStateProblem(WalkSettings walk) =>
        walk.DeepStateFile is { } file && WritablePlace.FileProblem(file, "--deep-state") is { } problem ? problem + "; pass a writable path" : null;

    private static string Summarize(ProbeReport report)
    {
        var s = report.Summary;
        if (report.Interrupted)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"interrupted: {s.Repositories} repositories, {s.Tags} tags, {s.Manifests} manifests, {s.Blobs} blobs checked before the signal; {s.Failures} failures among completed repositories");
        }

        return report.FatalError is { } fatal
            ? $"registry could not be read: {fatal}"
            : string.Create(CultureInfo.InvariantCulture, $"{s.Repositories} repositories, {s.Tags} tags, {s.Manifests} manifests, {s.Blobs} blobs; {s.Failures} failures")
              + string.Concat(s.Upstreams.Select(u => $"; pull-through {u.Pattern}: {s.PullThroughRepositories} cached repositories, upstream {u.State.ToString().ToLowerInvariant()}"));
    }
}
