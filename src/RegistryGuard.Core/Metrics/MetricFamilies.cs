namespace RegistryGuard.Metrics;

public static class MetricFamilies
{
    /// <summary>The Pushgateway's POST semantics: families of <paramref name="update"/> replace those of the same name.</summary>
    public static IReadOnlyList<MetricFamily> Merge(IEnumerable<MetricFamily> existing, IReadOnlyList<MetricFamily> update)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(update);
        var replaced = update.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. existing.Where(f => !replaced.Contains(f.Name)), .. update];
    }

    /// <summary>Adds <paramref name="labels"/> to every sample (e.g. job and registry when serve exposes several groups at once).</summary>
    public static MetricFamily WithLabels(this MetricFamily family, IReadOnlyList<MetricLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(labels);
        return new MetricFamily(family.Name, family.Help, family.Type,
            [.. family.Samples.Select(s => s with { Labels = [.. labels, .. s.Labels.Where(l => labels.All(extra => extra.Name != l.Name))] })]);
    }

    /// <summary>Joins families of the same name coming from several groups into one block per name.</summary>
    public static IReadOnlyList<MetricFamily> Combine(IEnumerable<MetricFamily> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        return [.. families.GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => new MetricFamily(g.Key, g.First().Help, g.First().Type, [.. g.SelectMany(f => f.Samples)]))];
    }
}
