using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RegistryGuard.Telemetry;

/// <summary>
/// The activity source and meter every component reports through. Without a listener (no OTLP endpoint
/// configured) starting an activity returns null and costs nothing.
/// </summary>
public static class RegistryGuardTelemetry
{
    public const string Name = "RegistryGuard";

    public static readonly ActivitySource ActivitySource = new(Name, "0.1.0");

    public static readonly Meter Meter = new(Name, "0.1.0");
}
