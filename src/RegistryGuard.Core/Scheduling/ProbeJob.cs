using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.Scheduling;

/// <summary>The probe command as a scheduled job: read-only, so it may run alongside anything.</summary>
/// <param name="client">Built per run, so a rotated password file is read again.</param>
public sealed class ProbeJob(Func<RegistryClientOptions> client, ProbeOptions options, TimeProvider? timeProvider = null) : IScheduledJob
{
    public bool Mutating => false;

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        using var registry = new RegistryClient(client());
        var prober = new Prober(registry, options, timeProvider);
        var report = await prober.ProbeRegistryAsync(cancellationToken).ConfigureAwait(false);
        var summary = report.Summary;
        var line = report.FatalError is { } fatal
            ? $"registry could not be read: {fatal}"
            : $"{summary.Repositories} repositories, {summary.Tags} tags, {summary.Manifests} manifests, {summary.Blobs} blobs; {summary.Failures} failures";
        return new JobResult(report.ExitCode, line, ProbeMetrics.From(report));
    }
}
