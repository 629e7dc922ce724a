using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Probing;

namespace RegistryGuard.Reporting;

public static class ProbeReportWriter
{
    public static void Write(ProbeReport report, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportOutput.Write(format, output, text => WriteText(report, text), json => WriteJson(report, json));
    }

    private static void WriteText(ProbeReport report, TextWriter output)
    {
        var s = report.Summary;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"registryguard probe {s.Target}: {s.Repositories} repositories, {s.Tags} tags, {s.Manifests} manifests, {s.Blobs} blobs checked in {s.Duration.TotalSeconds:0.0}s ({s.Requests} requests)"));
        if (s.BlobsHashed > 0)
        {
            output.WriteLine(string.Create(inv, $"deep: {s.BlobsHashed} blobs hashed, {ByteSize.Format(s.BytesHashed)} read"));
        }

        if (s.Signatures is { } signed)
        {
            output.WriteLine(SignatureText.Summary(signed));
        }

        if (report.FatalError is not null)
        {
            output.WriteLine("ERROR: the registry could not be read: " + report.FatalError);
        }

        var failures = report.Findings.Count(f => f.Severity == Severity.Failure);
        var others = report.Findings.Count - failures;
        output.WriteLine(failures == 0 && report.FatalError is null
            ? $"OK: no broken references{(others > 0 ? $" ({others} informational)" : "")}"
            : $"FAILURES: {failures} ({FindingText.Counts(s.FailuresByKind)}){(others > 0 ? $", {others} informational" : "")}");
        foreach (var finding in report.Findings)
        {
            output.WriteLine(FindingText.Line(finding));
        }
    }

    private static void WriteJson(ProbeReport report, Utf8JsonWriter writer)
    {
        var s = report.Summary;
        writer.WriteStartObject();
        writer.WriteStartObject("summary");
        writer.WriteString("target", s.Target);
        writer.WriteString("started_at", s.StartedAt);
        writer.WriteNumber("duration_seconds", Math.Round(s.Duration.TotalSeconds, 3));
        writer.WriteBoolean("catalog_accessible", s.CatalogAccessible);
        writer.WriteNumber("repositories", s.Repositories);
        writer.WriteNumber("tags", s.Tags);
        writer.WriteNumber("manifests", s.Manifests);
        writer.WriteNumber("blobs", s.Blobs);
        writer.WriteNumber("blobs_hashed", s.BlobsHashed);
        writer.WriteNumber("bytes_hashed", s.BytesHashed);
        writer.WriteNumber("requests", s.Requests);
        writer.WriteNumber("failures", s.Failures);
        FindingJson.WriteCountsByKind(writer, "failures_by_kind", s.FailuresByKind);
        writer.WriteString("error", report.FatalError);
        writer.WriteNumber("exit_code", report.ExitCode);
        if (s.Signatures is { } signed)
        {
            SignatureText.WriteJson(writer, signed);
        }

        writer.WriteEndObject();
        FindingJson.WriteArray(writer, "findings", report.Findings);
        writer.WriteEndObject();
    }
}
