using Prometheus;

namespace RegistryGuard.Metrics;

/// <summary>
/// One metric family of a run: its name, and its samples ready to be registered in a prometheus-net registry.
/// A push publishes a run's families into a registry of their own; serve publishes every job's families into the
/// registry it builds for a scrape, through a factory that adds the job's labels.
/// </summary>
public sealed class RunFamily
{
    private readonly string _help;
    private readonly string[] _labelNames;
    private readonly (string[] LabelValues, double Value)[] _samples;

    private RunFamily(string name, string help, string[] labelNames, (string[] LabelValues, double Value)[] samples)
    {
        ArgumentNullException.ThrowIfNull(help);
        Name = MetricNames.RequireMetricName(name);
        foreach (var label in labelNames)
        {
            MetricNames.RequireLabelName(label);
        }

        if (samples.Any(s => s.LabelValues.Length != labelNames.Length || s.LabelValues.Any(v => v is null)))
        {
            throw new ArgumentException($"every sample of {name} needs a value for each of its labels ({string.Join(", ", labelNames)})", nameof(samples));
        }

        // prometheus-net writes HELP text as it is given; the text format needs its backslashes and line feeds escaped.
        _help = help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        _labelNames = labelNames;
        _samples = samples;
    }

    public string Name { get; }

    /// <summary>A gauge without labels.</summary>
    public static RunFamily Gauge(string name, string help, double value) => new(name, help, [], [([], value)]);

    /// <summary>A gauge with one label: a sample per label value.</summary>
    public static RunFamily Gauge(string name, string help, string labelName, IEnumerable<KeyValuePair<string, double>> valuesByLabel)
    {
        ArgumentNullException.ThrowIfNull(valuesByLabel);
        return new(name, help, [labelName], [.. valuesByLabel.Select(pair => (new[] { pair.Key }, pair.Value))]);
    }

    /// <summary>A gauge with several labels: each sample gives a value for every label, in <paramref name="labelNames"/> order.</summary>
    public static RunFamily Gauge(string name, string help, IReadOnlyList<string> labelNames, IEnumerable<(IReadOnlyList<string> LabelValues, double Value)> samples)
    {
        ArgumentNullException.ThrowIfNull(labelNames);
        ArgumentNullException.ThrowIfNull(samples);
        return new(name, help, [.. labelNames], [.. samples.Select(s => (s.LabelValues.ToArray(), s.Value))]);
    }

    /// <summary>Registers this family with its samples through <paramref name="factory"/> (whose own labels, if any, are added).</summary>
    public void PublishTo(IMetricFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var gauge = factory.CreateGauge(Name, _help, _labelNames);
        foreach (var (labelValues, value) in _samples)
        {
            if (labelValues.Length == 0)
            {
                gauge.Set(value);
            }
            else
            {
                gauge.WithLabels(labelValues).Set(value);
            }
        }
    }
}
