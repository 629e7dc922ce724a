using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RegistryGuard.Telemetry;

namespace RegistryGuard.Cli.Telemetry;

/// <summary>
/// Exports RegistryGuard's traces and metrics over OTLP when the standard OTEL_EXPORTER_OTLP_* variables ask for
/// it; otherwise nothing is built and the activity source has no listener (free). Disposing flushes what is
/// buffered, so a short CLI run still delivers its spans.
/// </summary>
internal sealed class OpenTelemetryExport : IDisposable
{
    private readonly TracerProvider? _traces;
    private readonly MeterProvider? _metrics;

    private OpenTelemetryExport(TracerProvider? traces, MeterProvider? metrics)
    {
        _traces = traces;
        _metrics = metrics;
    }

    public static OpenTelemetryExport StartIfConfigured()
    {
        var any = IsSet("OTEL_EXPORTER_OTLP_ENDPOINT");
        var traces = any || IsSet("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        var metrics = any || IsSet("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (!traces && !metrics)
        {
            return new OpenTelemetryExport(null, null);
        }

        var resource = ResourceBuilder.CreateDefault().AddService("registryguard", serviceVersion: typeof(OpenTelemetryExport).Assembly.GetName().Version?.ToString());
        return new OpenTelemetryExport(
            traces ? Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(RegistryGuardTelemetry.Name).AddOtlpExporter().Build() : null,
            metrics ? Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(RegistryGuardTelemetry.Name).AddOtlpExporter().Build() : null);
    }

    public void Dispose()
    {
        _traces?.ForceFlush(5000);
        _metrics?.ForceFlush(5000);
        _traces?.Dispose();
        _metrics?.Dispose();
    }

    private static bool IsSet(string name) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name));
}
