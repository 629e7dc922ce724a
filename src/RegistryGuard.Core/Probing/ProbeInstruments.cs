using System.Diagnostics.Metrics;
using RegistryGuard.Findings;
using RegistryGuard.Telemetry;

namespace RegistryGuard.Probing;

/// <summary>OpenTelemetry instruments of a probe run (exported only when an OTLP endpoint is configured).</summary>
internal static class ProbeInstruments
{
    private static readonly Histogram<double> Duration =
        RegistryGuardTelemetry.Meter.CreateHistogram<double>("registryguard.probe.duration", "s", "Duration of probe and verify runs.");

    private static readonly Counter<long> Failures =
        RegistryGuardTelemetry.Meter.CreateCounter<long>("registryguard.probe.failures", "{finding}", "Failure-severity findings by kind.");

    private static readonly Counter<long> Objects =
        RegistryGuardTelemetry.Meter.CreateCounter<long>("registryguard.probe.objects", "{object}", "Objects checked by type.");

    public static void Record(ProbeSummary summary)
    {
        Duration.Record(summary.Duration.TotalSeconds);
        foreach (var (kind, count) in summary.FailuresByKind)
        {
            Failures.Add(count, new KeyValuePair<string, object?>("kind", kind.WireName()));
        }

        Objects.Add(summary.Tags, new KeyValuePair<string, object?>("type", "tags"));
        Objects.Add(summary.Manifests, new KeyValuePair<string, object?>("type", "manifests"));
        Objects.Add(summary.Blobs, new KeyValuePair<string, object?>("type", "blobs"));
    }
}
