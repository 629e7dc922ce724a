using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Scanning;

namespace RegistryGuard.Reporting;

public static class ScanReportWriter
{
    public static void Write(ScanReport report, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportOutput.Write(format, output, text => WriteText(report, text), json => WriteJson(report, json));
    }

    private static void WriteText(ScanReport report, TextWriter output)
    {
        if (report.FatalError is not null)
        {
            return; // the one error line goes to stderr (the command's outcome)
        }

        var s = report.Summary;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv,
            $"registryguard scan {s.Root}: {s.Repositories} repositories ({s.EmptyRepositories} empty), {s.Tags} tags, {s.Revisions} revisions, {s.LayerLinks} layer links, {s.Blobs} blobs, {s.Uploads} uploads in {s.Duration.TotalSeconds:0.0}s"));
        if (s.BlobsHashed > 0)
        {
            output.WriteLine(string.Create(inv, $"deep: {s.BlobsHashed} blobs hashed, {ByteSize.Format(s.BytesHashed)} read"));
        }

        if (report.Interrupted && !s.Fix)
        {
            output.WriteLine("INTERRUPTED: stopped by a signal before the scan finished; nothing was concluded and nothing was changed");
            return;
        }

        if (report.Interrupted)
        {
            output.WriteLine(string.Create(inv, $"INTERRUPTED during --fix: {s.RepairsMade} of {s.RepairsPlanned} repairs made, each journaled; the rest were not started"));
        }

        var failures = report.Findings.Count(f => f.Severity == Severity.Failure);
        var others = report.Findings.Count - failures;
        output.WriteLine(failures == 0
            ? $"OK: no broken links{(others > 0 ? $" ({others} warnings or informational)" : "")}"
            : $"FAILURES: {failures} ({FindingText.Counts(s.FailuresByKind)}){(others > 0 ? $", {others} warnings or informational" : "")}");
        foreach (var finding in report.Findings)
        {
            output.WriteLine(FindingText.Line(finding));
        }

        if (report.Repairs.Count > 0)
        {
            output.WriteLine(s.Fix
                ? string.Create(inv, $"repairs: {s.RepairsMade} of {s.RepairsPlanned} made")
                : string.Create(inv, $"dry run: --fix would make {s.RepairsPlanned} repairs (nothing was changed)"));
            foreach (var repair in report.Repairs)
            {
                output.WriteLine("  " + repair.Describe());
            }
        }

        else if (s.Fix)
        {
            output.WriteLine("--fix: nothing to repair; nothing was changed");
        }

        foreach (var error in report.RepairErrors)
        {
            output.WriteLine("  not repaired: " + error);
        }

        if (report.Remaining is { } remaining)
        {
            var left = remaining.Where(f => f.Severity == Severity.Failure).ToList();
            output.WriteLine(left.Count == 0 ? "after repair: no failures remain" : $"after repair: {left.Count} failures remain");
            foreach (var finding in left)
            {
                output.WriteLine("  " + FindingText.Line(finding));
            }
        }

        if (s.JournalPath is not null)
        {
            output.WriteLine($"journal: {s.JournalPath} (undo with: registryguard undo --journal {s.JournalPath})");
        }
    }

    private static void WriteJson(ScanReport report, Utf8JsonWriter writer)
    {
        var s = report.Summary;
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", ReportOutput.SchemaVersion);
        writer.WriteString("command", "scan");
        writer.WriteStartObject("summary");
        writer.WriteString("root", s.Root);
        writer.WriteString("mode", s.Fix ? "fix" : "dry-run");
        writer.WriteString("started_at", s.StartedAt);
        writer.WriteNumber("duration_seconds", Math.Round(s.Duration.TotalSeconds, 3));
        writer.WriteNumber("repositories", s.Repositories);
        writer.WriteNumber("empty_repositories", s.EmptyRepositories);
        writer.WriteNumber("tags", s.Tags);
        writer.WriteNumber("revisions", s.Revisions);
        writer.WriteNumber("layer_links", s.LayerLinks);
        writer.WriteNumber("blobs", s.Blobs);
        writer.WriteNumber("blobs_hashed", s.BlobsHashed);
        writer.WriteNumber("bytes_hashed", s.BytesHashed);
        writer.WriteNumber("uploads", s.Uploads);
        writer.WriteNumber("failures", s.FailuresByKind.Values.Sum());
        FindingJson.WriteCountsByKind(writer, "failures_by_kind", s.FailuresByKind);
        FindingJson.WriteCountsByKind(writer, "findings_by_kind", s.FindingsByKind);
        writer.WriteNumber("repairs_planned", s.RepairsPlanned);
        writer.WriteNumber("repairs_made", s.RepairsMade);
        writer.WriteString("journal", s.JournalPath);
        writer.WriteString("error", report.FatalError);
        writer.WriteBoolean("interrupted", report.Interrupted);
        writer.WriteNumber("exit_code", report.ExitCode);
        writer.WriteEndObject();
        FindingJson.WriteArray(writer, "findings", report.Findings);
        writer.WriteStartArray("repairs");
        foreach (var repair in report.Repairs)
        {
            writer.WriteStartObject();
            writer.WriteString("action", repair.Kind == RepairKind.WriteRevisionLink ? "write_link" : "remove_link");
            writer.WriteString("repository", repair.Repository);
            writer.WriteString("path", repair.RelativePath);
            writer.WriteString("digest", repair.Digest.ToString());
            writer.WriteBoolean("applied", repair.Applied);
            writer.WriteString("description", repair.Describe());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (report.Remaining is not null)
        {
            FindingJson.WriteArray(writer, "remaining", report.Remaining);
        }

        writer.WriteStartArray("repair_errors");
        foreach (var error in report.RepairErrors)
        {
            writer.WriteStringValue(error);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
