using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Probing;
using RegistryGuard.Probing.PullThrough;

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
        if (report.FatalError is not null)
        {
            return; // the one error line goes to stderr (the command's outcome); counts of nothing would only mislead
        }

        var s = report.Summary;
        var inv = CultureInfo.InvariantCulture;
        var what = report.Reference is { } reference ? $"verify {s.Target}/{reference}" : $"probe {s.Target}";
        output.WriteLine(string.Create(inv,
            $"registryguard {what}: {s.Repositories} repositories, {s.Tags} tags, {s.Manifests} manifests, {s.Blobs} blobs checked in {s.Duration.TotalSeconds:0.0}s ({s.Requests} requests)"));
        if (report.Interrupted)
        {
            output.WriteLine("INTERRUPTED: stopped by a signal before the walk finished; the counts are what was checked, the findings those of the repositories whose walk completed");
        }
        if (s.BlobsHashed > 0)
        {
            output.WriteLine(string.Create(inv, $"deep: {s.BlobsHashed} blobs hashed, {ByteSize.Format(s.BytesHashed)} read"));
        }

        if (s.Signatures is { } signed)
        {
            output.WriteLine(SignatureText.Summary(signed));
        }

        if (s.Upstreams.Count > 0)
        {
            output.WriteLine(string.Create(inv, $"pull-through: {s.PullThroughRepositories} cached repositories listed, not walked (a walk makes a cache fetch and store); scan --pull-through on the cache's storage checks what it holds"));
        }

        foreach (var upstream in s.Upstreams)
        {
            output.WriteLine(PullThroughLine(upstream));
        }

        var failures = report.Findings.Count(f => f.Severity == Severity.Failure);
        var others = report.Findings.Count - failures;
        output.WriteLine(failures == 0 && report.Interrupted
            ? "no broken references among what was checked before the signal"
            : failures == 0
            ? $"OK: no broken references{(others > 0 ? $" ({others} warnings or informational)" : "")}"
            : $"FAILURES: {failures} ({FindingText.Counts(s.FailuresByKind)}){(others > 0 ? $", {others} warnings or informational" : "")}");
        foreach (var finding in report.Findings)
        {
            output.WriteLine(FindingText.Line(finding));
        }
    }

    private static string PullThroughLine(UpstreamStatus upstream)
    {
        var state = upstream.State switch
        {
            UpstreamState.Reachable => "upstream reachable",
            UpstreamState.Unreachable => "UPSTREAM UNREACHABLE (warning upstream_unreachable below)",
            UpstreamState.NotChecked => "upstream not checked: nothing cached yet",
            _ => "upstream not checked: " + upstream.Verdict.Reason,
        };
        return $"pull-through {upstream.Pattern}: {state}";
    }

    private static void WriteJson(ProbeReport report, Utf8JsonWriter writer)
    {
        var s = report.Summary;
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", ReportOutput.SchemaVersion);
        writer.WriteString("command", report.Reference is null ? "probe" : "verify");
        writer.WriteStartObject("summary");
        writer.WriteString("target", s.Target);
        if (report.Reference is { } reference)
        {
            writer.WriteString("reference", reference);
        }

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
        if (s.Upstreams.Count > 0)
        {
            writer.WriteNumber("pull_through_repositories", s.PullThroughRepositories);
            writer.WriteStartArray("pull_through");
            foreach (var upstream in s.Upstreams)
            {
                writer.WriteStartObject();
                writer.WriteString("repositories", upstream.Pattern);
                writer.WriteString("checked_in", upstream.Repository);
                writer.WriteString("upstream_state", upstream.State switch
                {
                    UpstreamState.Reachable => "reachable",
                    UpstreamState.Unreachable => "unreachable",
                    UpstreamState.NotChecked => "not_checked",
                    _ => "unknown",
                });
                writer.WriteString("upstream", upstream.Verdict.Upstream);
                writer.WriteString("reason", upstream.Verdict.Reason);
                if (upstream.Since is { } since)
                {
                    writer.WriteString("unreachable_since", since);
                }
                else
                {
                    writer.WriteNull("unreachable_since");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteString("error", report.FatalError);
        writer.WriteBoolean("interrupted", report.Interrupted);
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
