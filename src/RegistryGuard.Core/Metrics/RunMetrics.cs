using Prometheus;

namespace RegistryGuard.Metrics;

/// <summary>
/// What one run of a command reports. <see cref="Always"/> describes the run itself (did it work, how long, what it
/// could reach); <see cref="OnlyWhenCompleted"/> holds results that only a completed run may overwrite (findings by
/// kind, last success timestamp), so a run that died half-way never reads as "all clean" or as a fresh success.
/// </summary>
public sealed record RunMetrics(IReadOnlyList<RunFamily> Always, IReadOnlyList<RunFamily> OnlyWhenCompleted, bool Completed)
{
    /// <summary>Nothing to publish: a run refused before it started.</summary>
    public static RunMetrics None { get; } = new([], [], Completed: false);

    // Checked as the value is made, so a mapper that names a family twice fails in its unit test, not at push time.
    private readonly bool _namesChecked = RequireDistinctNames(Always, OnlyWhenCompleted);

    /// <summary>The families this run publishes.</summary>
    public IReadOnlyList<RunFamily> Families => Completed ? [.. Always, .. OnlyWhenCompleted] : Always;

    /// <summary>A completed run replaces its whole group (PUT); a failed one merges (POST) to keep the last results.</summary>
    public PushMode PushMode => Completed ? PushMode.Replace : PushMode.Merge;

    /// <summary>
    /// The families a scrape should show after this run given the previous ones: the same outcome as the push
    /// on the gateway (a merge replaces the families of the same name and keeps the others).
    /// </summary>
    public IReadOnlyList<RunFamily> ApplyTo(IReadOnlyList<RunFamily>? previous)
    {
        if (Completed || previous is null)
        {
            return Families;
        }

        var replaced = Families.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. previous.Where(f => !replaced.Contains(f.Name)), .. Families];
    }

    /// <summary>This run's families in a prometheus-net registry of their own, ready to export.</summary>
    public CollectorRegistry ToRegistry()
    {
        var registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        foreach (var family in Families)
        {
            family.PublishTo(factory);
        }

        return registry;
    }

    /// <summary>The text exposition format of <see cref="ToRegistry"/>: what a push sends.</summary>
    public async Task<string> ToTextAsync(CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        await ToRegistry().CollectAndExportAsTextAsync(text, cancellationToken).ConfigureAwait(false);
        return PrometheusConstants.ExportEncoding.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    private static bool RequireDistinctNames(IReadOnlyList<RunFamily> always, IReadOnlyList<RunFamily> onlyWhenCompleted)
    {
        ArgumentNullException.ThrowIfNull(always);
        ArgumentNullException.ThrowIfNull(onlyWhenCompleted);
        var twice = always.Concat(onlyWhenCompleted).GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return twice is null
            ? true
            : throw new ArgumentException($"metric family {twice.Key} appears twice; the exposition format allows one block per name", nameof(always));
    }
}
