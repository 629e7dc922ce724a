using RegistryGuard.Runs;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Scheduling;

/// <summary>Turns a validated config into scheduled jobs: each one a run service with options mapped by <see cref="ServeRunOptions"/>.</summary>
public static class ServeJobFactory
{
    public static IReadOnlyList<ScheduledJob> Create(ServeConfig config, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(config);
        var push = config.Pushgateway is { } gateway ? new PushSettings(gateway) : null;
        return [.. config.Jobs.Select(job =>
        {
            var registry = config.Registries[job.Registry];
            IScheduledJob run = job.Type switch
            {
                "probe" => Probe(ServeRunOptions.Probe(job, registry, push), timeProvider),
                "scan" => Scan(ServeRunOptions.Scan(job, registry, push), timeProvider),
                "prune" => Prune(ServeRunOptions.Prune(job, registry, push), timeProvider),
                "gc" => GarbageCollect(ServeRunOptions.GarbageCollect(job, registry, push), timeProvider),
                _ => throw new ArgumentException($"job type '{job.Type}' is not wired into serve", nameof(config)),
            };
            return new ScheduledJob(job.Name, job.Type, job.Registry, job.Schedule, run);
        })];
    }

    private static ServiceJob Probe(ProbeRunOptions options, TimeProvider time) =>
        ServiceJob.For(mutating: false, ct => new ProbeService(time).RunAsync(options, progress: null, ct));

    private static ServiceJob Scan(ScanRunOptions options, TimeProvider time) =>
        ServiceJob.For(options.Fix, ct => new ScanService(time).RunAsync(options, progress: null, ct));

    private static ServiceJob Prune(PruneRunOptions options, TimeProvider time) =>
        ServiceJob.For(options.Apply, ct => new PruneService(time).RunAsync(options, ct));

    private static ServiceJob GarbageCollect(GarbageCollectRunOptions options, TimeProvider time) =>
        ServiceJob.For(mutating: true, ct => new GarbageCollectService(time).RunAsync(options, ct));
}
