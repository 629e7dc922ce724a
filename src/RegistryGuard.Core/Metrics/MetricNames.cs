using System.Text.RegularExpressions;

namespace RegistryGuard.Metrics;

/// <summary>The name grammars of the Prometheus data model; anything else is rejected before it reaches a gateway.</summary>
public static partial class MetricNames
{
    public static bool IsValidMetricName(string name) => MetricNamePattern().IsMatch(name);

    /// <summary>Label names starting with <c>__</c> are reserved for Prometheus itself.</summary>
    public static bool IsValidLabelName(string name) => LabelNamePattern().IsMatch(name) && !name.StartsWith("__", StringComparison.Ordinal);

    public static string RequireMetricName(string name) =>
        IsValidMetricName(name) ? name : throw new ArgumentException($"'{name}' is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)", nameof(name));

    public static string RequireLabelName(string name) =>
        IsValidLabelName(name) ? name : throw new ArgumentException($"'{name}' is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)", nameof(name));

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricNamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelNamePattern();
}
