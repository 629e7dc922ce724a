namespace RegistryGuard.Metrics;

public enum MetricType
{
    Gauge,
    Counter,
}
