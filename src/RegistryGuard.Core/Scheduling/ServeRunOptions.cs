using System.Globalization;
using RegistryGuard.Common;
using RegistryGuard.Probing;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Pruning;
using RegistryGuard.Runs;
using RegistryGuard.Scheduling.Config;

namespace RegistryGuard.Scheduling;

/// <summary>
/// serve's job options (already validated by <see cref="ServeConfigLoader"/>) onto the run options the command
/// line uses: a key that is given replaces the record's default, a key that is not leaves it, so serve and the
/// command line never disagree on a default.
/// </summary>
public static class ServeRunOptions
{
    public static ProbeRunOptions Probe(JobConfig job, RegistryConfig registry, PushSettings? push)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(registry);
        var options = job.Options;
        var defaults = new ProbeRunOptions(Connection(options, registry));
        return defaults with
        {
            Walk = Walk(options, registry),
            Shard = options.TryGetValue("shard", out var shard) ? Shard.Parse(shard) : defaults.Shard,
            Signatures = Signatures(job.Lists),
            UpstreamStateFile = options.GetValueOrDefault("upstream_state") ?? defaults.UpstreamStateFile,
            Push = push,
        };
    }

    public static ScanRunOptions Scan(JobConfig job, RegistryConfig registry, PushSettings? push)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(registry);
        var options = job.Options;
        var defaults = new ScanRunOptions(registry.StorageRoot!);
        return defaults with
        {
            Deep = Bool(options, "deep") ?? defaults.Deep,
            PullThrough = registry.PullThrough,
            UploadAge = options.TryGetValue("upload_age", out var age) && DurationText.TryParse(age, out var parsed) ? parsed : defaults.UploadAge,
            Concurrency = Int(options, "concurrency") ?? defaults.Concurrency,
            Fix = Bool(options, "fix") ?? defaults.Fix,
            JournalDirectory = options.GetValueOrDefault("journal_dir"),
            Registry = registry.Url,
            Push = push,
        };
    }

    public static PruneRunOptions Prune(JobConfig job, RegistryConfig registry, PushSettings? push)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(registry);
        var options = job.Options;
        var onStorage = options.GetValueOrDefault("via") == "storage";
        var defaults = onStorage ? PruneRunOptions.OnStorage(registry.StorageRoot!) : PruneRunOptions.OverApi(Connection(options, registry));
        var overrides = new PolicyOverrides
        {
            Keep = Int(options, "keep"),
            Semver = Bool(options, "semver") is true ? true : null,
            Order = Pruning.Planning.TagOrderText.TryParse(options.GetValueOrDefault("order"), out var order) ? order : null,
            KeepUntagged = Bool(options, "keep_untagged") is true ? true : null,
        };
        return defaults with
        {
            Rules = PruneRunOptions.RulesFrom(options.TryGetValue("config", out var policy) ? PruneConfigLoader.Load(policy) : null, overrides, [], []),
            Apply = Bool(options, "apply") ?? defaults.Apply,
            BackupDirectory = options.GetValueOrDefault("backup_dir"),
            JournalDirectory = options.GetValueOrDefault("journal_dir"),
            Registry = onStorage ? registry.Url : null, // over the API the connection names the instance
            Push = push,
        };
    }

    public static GarbageCollectRunOptions GarbageCollect(JobConfig job, RegistryConfig registry, PushSettings? push)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(registry);
        var options = job.Options;
        var defaults = new GarbageCollectRunOptions(options["config"]);
        return defaults with
        {
            Command = options.GetValueOrDefault("command") ?? defaults.Command,
            DryRun = Bool(options, "dry_run") ?? defaults.DryRun,
            Timeout = Int(options, "timeout_minutes") is { } minutes ? TimeSpan.FromMinutes(minutes) : defaults.Timeout,
            Registry = registry.Url,
            Push = push,
        };
    }

    private static RegistryConnection Connection(IReadOnlyDictionary<string, string> options, RegistryConfig registry)
    {
        var defaults = new RegistryConnection(registry.Url);
        return defaults with
        {
            Concurrency = Int(options, "concurrency") ?? defaults.Concurrency,
            Timeout = Int(options, "timeout_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.Timeout,
            Retries = Int(options, "retries") ?? defaults.Retries,
            CaFile = registry.CaFile,
            Credentials = registry.Credentials,
        };
    }

    private static WalkSettings Walk(IReadOnlyDictionary<string, string> options, RegistryConfig registry)
    {
        var defaults = new WalkSettings();
        return defaults with
        {
            Deep = Bool(options, "deep") ?? defaults.Deep,
            DeepBudgetBytes = options.TryGetValue("deep_budget", out var text) && ByteSize.TryParse(text, out var bytes) ? bytes : defaults.DeepBudgetBytes,
            DeepStateFile = options.GetValueOrDefault("deep_state") ?? defaults.DeepStateFile,
            PullThrough = registry.PullThrough,
        };
    }

    /// <summary>Keys are read when serve starts (the loader has checked the files): a changed key file needs a restart, like the config.</summary>
    private static SignatureSettings Signatures(IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
    {
        var defaults = new SignatureSettings();
        return defaults with
        {
            Keys = lists.TryGetValue("cosign_keys", out var files) ? SignatureSettings.LoadKeys(files) : defaults.Keys,
            Required = lists.TryGetValue("require_signature", out var globs) ? [.. globs.Select(g => new GlobPattern(g))] : defaults.Required,
        };
    }

    private static int? Int(IReadOnlyDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : null;

    private static bool? Bool(IReadOnlyDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var text) ? bool.Parse(text) : null;
}
