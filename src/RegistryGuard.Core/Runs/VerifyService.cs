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
        using var client = new RegistryClient(options.Connection.ClientOptions());
        var prober = new Prober(client, options.ToProbeOptions(), timeProvider);
        var report = await prober.VerifyAsync(options.Repository, options.Reference, cancellationToken).ConfigureAwait(false);
        return await RunPublisher.PublishAsync(ProbeService.Outcome(report, prober), options.Push, key).ConfigureAwait(false);
    }
}
