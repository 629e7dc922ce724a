namespace RegistryGuard.Metrics;

public sealed record MetricSample(IReadOnlyList<MetricLabel> Labels, double Value)
{
    public MetricSample(double value)
        : this([], value)
    {
    }

    public string? Label(string name) => Labels.FirstOrDefault(l => l.Name == name).Value;
}
