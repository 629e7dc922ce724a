using System.Globalization;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Runs;

/// <summary>
/// Where a run publishes its metrics when it ends. The group is the verb's default job (or <see cref="Job"/>),
/// the <see cref="Labels"/>, <c>instance</c> unless a label names it (the registry's <c>host:port</c>, or the
/// machine's name for a storage run that knows no registry), and <c>shard</c> for a sharded probe.
/// </summary>
public sealed record PushSettings(Uri Gateway)
{
    /// <summary>The job label; null: the verb's own (e.g. <c>registry-integrity-probe</c>).</summary>
    public string? Job { get; init; }

    public IReadOnlyList<MetricLabel> Labels { get; init; } = [];

    public static string InstanceOf(Uri registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return $"{registry.Host}:{registry.Port}";
    }

    /// <summary>The default <c>instance</c>: the registry when the run knows it, else this machine.</summary>
    public static string DefaultInstance(Uri? registry) => registry is null ? Environment.MachineName : InstanceOf(registry);

    /// <exception cref="ArgumentException">A label name is not valid or given twice.</exception>
    public GroupingKey Key(string defaultJob, string instance, Shard shard)
    {
        var key = new GroupingKey(Job ?? defaultJob, Labels);
        if (!key.Has("instance"))
        {
            key = key.With("instance", instance);
        }

        if (shard.Count > 1 && !key.Has("shard"))
        {
            key = key.With("shard", shard.Index.ToString(CultureInfo.InvariantCulture));
        }

        return key;
    }
}
