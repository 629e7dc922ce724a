namespace RegistryGuard.Metrics;

/// <summary>One metric name with its help text, type and samples: the unit of the text exposition format.</summary>
public sealed record MetricFamily
{
    public MetricFamily(string name, string help, MetricType type, IReadOnlyList<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(samples);
        Name = MetricNames.RequireMetricName(name);
        Help = help;
        Type = type;
        foreach (var label in samples.SelectMany(s => s.Labels))
        {
            MetricNames.RequireLabelName(label.Name);
            ArgumentNullException.ThrowIfNull(label.Value);
        }

        Samples = samples;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type { get; }

    public IReadOnlyList<MetricSample> Samples { get; }

    public static MetricFamily Gauge(string name, string help, double value) => new(name, help, MetricType.Gauge, [new MetricSample(value)]);

    public static MetricFamily Gauge(string name, string help, string labelName, IEnumerable<KeyValuePair<string, double>> valuesByLabel)
    {
        ArgumentNullException.ThrowIfNull(valuesByLabel);
        return new(name, help, MetricType.Gauge, [.. valuesByLabel.Select(pair => new MetricSample([new MetricLabel(labelName, pair.Key)], pair.Value))]);
    }

    /// <summary>The value of the sample whose labels include all of <paramref name="labels"/>, or null.</summary>
    public double? ValueOf(params MetricLabel[] labels) =>
        Samples.FirstOrDefault(s => labels.All(s.Labels.Contains))?.Value;
}
