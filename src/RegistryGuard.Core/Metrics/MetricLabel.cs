namespace RegistryGuard.Metrics;

public readonly record struct MetricLabel(string Name, string Value);
