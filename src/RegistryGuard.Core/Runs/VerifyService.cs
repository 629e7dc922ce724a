using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.Runs;

/// <summary>verify: the probe's walk for one image (index, children, configs, layers), then report and push.</summary>
public sealed class VerifyService(TimeProvider? timeProvider = null)
{
    public async Task<RunOutcome<ProbeReport>> RunAsync(VerifyRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Push?.Key(VerifyRunOptions.DefaultJob, options.Connection.Instance, Shard.Whole);
        if (ProbeService.DeepStateProblem(options.Walk) is { } unwritable)
        {
            return RunRefusal.Of<ProbeReport>(unwritable);
        }

        var (connection, note) = await SchemeFallback.ResolveAsync(options.Connection, cancellationToken).ConfigureAwait(false);
        using var client = new RegistryClient(connection.ClientOptions());
        var prober = new Prober(client, (options with { Connection = connection }).ToProbeOptions(), timeProvider);
        var report = await prober.VerifyAsync(options.Repository, options.Reference, cancellationToken).ConfigureAwait(false);
        return await RunPublisher.PublishAsync(ProbeService.Outcome(report, prober) with { Notes = note is null ? [] : [note] }, options.Push, key).ConfigureAwait(false);
    }
}
