using System.Globalization;
using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Scheduling;

/// <summary>Turns a validated config into scheduled jobs.</summary>
public static class ServeJobFactory
{
    public const string GarbageCollectJobName = "registryguard-gc";

    public static IReadOnlyList<ScheduledJob> Create(ServeConfig config, TimeProvider timeProvider, PushgatewayClient? gateway = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. config.Jobs.Select(job =>
        {
            var registry = config.Registries[job.Registry];
            var (inner, pushJob, shard) = job.Type switch
            {
                "probe" => Probe(job, registry, timeProvider),
                "gc" => (Gc(job, timeProvider), GarbageCollectJobName, (Shard?)null),
                "scan" => (Scan(job, registry, timeProvider), ScanMetrics.DefaultJob, (Shard?)null),
                "prune" => (Prune(job, registry, timeProvider), PruneMetrics.DefaultJob, (Shard?)null),
                _ => throw new ArgumentException($"job type '{job.Type}' is not wired into serve", nameof(config)),
            };
            if (gateway is not null)
            {
                var key = new GroupingKey(pushJob, [new MetricLabel("instance", $"{registry.Url.Host}:{registry.Url.Port}")]);
                if (shard is { Count: > 1 } s)
                {
                    key = key.With("shard", s.Index.ToString(CultureInfo.InvariantCulture));
                }

                inner = new PushingJob(inner, gateway, key);
            }

            return new ScheduledJob(job.Name, job.Type, job.Registry, job.Schedule, inner);
        })];
    }

    private static (IScheduledJob, string, Shard?) Probe(JobConfig job, RegistryConfig registry, TimeProvider timeProvider)
    {
        var options = job.Options;
        var concurrency = Int(options, "concurrency", 16);
        long? budget = options.TryGetValue("deep_budget", out var text) && ByteSize.TryParse(text, out var bytes) ? bytes : null;
        var shard = options.TryGetValue("shard", out var shardText) ? Shard.Parse(shardText) : Shard.Whole;
        var probeOptions = new ProbeOptions
        {
            Concurrency = concurrency,
            Deep = Bool(options, "deep") || budget is not null,
            DeepBudgetBytes = budget,
            DeepStateFile = options.GetValueOrDefault("deep_state"),
            PullThrough = registry.PullThrough,
            UpstreamStateFile = options.GetValueOrDefault("upstream_state"),
            Shard = shard,
        };
        var timeout = TimeSpan.FromSeconds(Int(options, "timeout_seconds", 30));
        var retries = Int(options, "retries", 3);
        RegistryClientOptions Client() => registry.ClientOptions(concurrency, timeout, retries);
        return (new ProbeJob(Client, probeOptions, timeProvider), ProbeMetrics.DefaultJob, shard);
    }

    private static ScanJob Scan(JobConfig job, RegistryConfig registry, TimeProvider timeProvider)
    {
        var options = job.Options;
        var scanOptions = new Scanning.ScanOptions(registry.StorageRoot!)
        {
            Deep = Bool(options, "deep"),
            PullThrough = registry.PullThrough,
            UploadAge = options.TryGetValue("upload_age", out var age) && DurationText.TryParse(age, out var parsed) ? parsed : TimeSpan.FromHours(24),
            Concurrency = Int(options, "concurrency", Scanning.ScanOptions.DefaultConcurrency),
        };
        return new ScanJob(scanOptions, Bool(options, "fix"), options.GetValueOrDefault("journal_dir"), timeProvider);
    }

    private static PruneJob Prune(JobConfig job, RegistryConfig registry, TimeProvider timeProvider)
    {
        var options = job.Options;
        var config = options.TryGetValue("config", out var path) ? Pruning.PruneConfigLoader.Load(path) : new Pruning.PruneConfig();
        var flags = new Pruning.PolicyOverrides
        {
            Keep = options.TryGetValue("keep", out var keep) ? int.Parse(keep, CultureInfo.InvariantCulture) : null,
            Semver = Bool(options, "semver") ? true : null,
            KeepUntagged = Bool(options, "keep_untagged") ? true : null,
        };
        var rules = Pruning.PruneConfigLoader.Rules(config, flags, [], []);
        var apply = Bool(options, "apply");
        if (options.GetValueOrDefault("via") == "storage")
        {
            return PruneJob.OnStorage(registry.StorageRoot!, rules, apply, options.GetValueOrDefault("journal_dir"), timeProvider);
        }

        var concurrency = Int(options, "concurrency", 8);
        var timeout = TimeSpan.FromSeconds(Int(options, "timeout_seconds", 30));
        var retries = Int(options, "retries", 3);
        return PruneJob.OverApi(() => registry.ClientOptions(concurrency, timeout, retries), rules, apply, options.GetValueOrDefault("backup_dir"), timeProvider);
    }

    private static GarbageCollectJob Gc(JobConfig job, TimeProvider timeProvider) => new(
        job.Options.GetValueOrDefault("command") ?? "docker-registry",
        job.Options["config"],
        Bool(job.Options, "dry_run"),
        TimeSpan.FromMinutes(Int(job.Options, "timeout_minutes", 60)),
        timeProvider);

    private static int Int(IReadOnlyDictionary<string, string> options, string key, int fallback) =>
        options.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static bool Bool(IReadOnlyDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var text) && bool.Parse(text);
}
