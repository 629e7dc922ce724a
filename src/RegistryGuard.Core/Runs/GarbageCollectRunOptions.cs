using RegistryGuard.Metrics;

namespace RegistryGuard.Runs;

/// <summary>
/// Everything a plain garbage-collect can be told, with its default: serve's gc jobs. Never
/// <c>--delete-untagged</c>: on distribution 2.8 it deletes the children of tagged multi-arch indexes
/// (REGISTRY-FACTS.md).
/// </summary>
/// <param name="RegistryConfig">The registry's own config.yml, which names its storage.</param>
public sealed record GarbageCollectRunOptions(string RegistryConfig)
{
    public const string DefaultJob = GarbageCollectMetrics.DefaultJob;

    public const string DefaultCommand = "docker-registry";

    public const int DefaultTimeoutMinutes = 60;

    /// <summary>The registry binary whose <c>garbage-collect</c> runs.</summary>
    public string Command { get; init; } = DefaultCommand;

    /// <summary><c>garbage-collect --dry-run</c>: only list what would be swept.</summary>
    public bool DryRun { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(DefaultTimeoutMinutes);

    /// <summary>The registry whose storage is swept, when known: the push's default <c>instance</c> (else this machine).</summary>
    public Uri? Registry { get; init; }

    public PushSettings? Push { get; init; }

    public IReadOnlyList<string> Arguments => DryRun ? ["garbage-collect", "--dry-run", RegistryConfig] : ["garbage-collect", RegistryConfig];
}
