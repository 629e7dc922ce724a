namespace RegistryGuard.Metrics;

/// <summary>
/// What one run of a command reports. <see cref="Always"/> describes the run itself (did it work, how long, what it
/// could reach); <see cref="OnlyWhenCompleted"/> holds results that only a completed run may overwrite (findings by
/// kind, last success timestamp), so a run that died half-way never reads as "all clean" or as a fresh success.
/// </summary>
public sealed record RunMetrics(IReadOnlyList<MetricFamily> Always, IReadOnlyList<MetricFamily> OnlyWhenCompleted, bool Completed)
{
    /// <summary>The families this run publishes.</summary>
    public IReadOnlyList<MetricFamily> Families => Completed ? [.. Always, .. OnlyWhenCompleted] : Always;

    /// <summary>A completed run replaces its whole group (PUT); a failed one merges (POST) to keep the last results.</summary>
    public PushMode PushMode => Completed ? PushMode.Replace : PushMode.Merge;

    /// <summary>
    /// The families a scrape should show after this run given the previous ones: the same outcome as the push
    /// on the gateway.
    /// </summary>
    public IReadOnlyList<MetricFamily> ApplyTo(IReadOnlyList<MetricFamily>? previous) =>
        Completed || previous is null ? Families : MetricFamilies.Merge(previous, Families);
}
