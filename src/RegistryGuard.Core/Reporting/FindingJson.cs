using System.Text.Json;
using RegistryGuard.Findings;

namespace RegistryGuard.Reporting;

/// <summary>Writes findings in the shared JSON shape: kind, severity, repository, tag, parent, digest, detail.</summary>
public static class FindingJson
{
    public static void WriteArray(Utf8JsonWriter writer, string propertyName, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(findings);
        writer.WriteStartArray(propertyName);
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", finding.Kind.WireName());
            writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
            writer.WriteString("repository", finding.Repository);
            writer.WriteString("tag", finding.Tag);
            writer.WriteString("parent", finding.Parent);
            writer.WriteString("digest", finding.Digest);
            writer.WriteString("detail", finding.Detail);
            if (finding.Repairable is { } repairable)
            {
                writer.WriteBoolean("repairable", repairable);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteCountsByKind(Utf8JsonWriter writer, string propertyName, IReadOnlyDictionary<FindingKind, int> counts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(counts);
        writer.WriteStartObject(propertyName);
        foreach (var (kind, count) in counts.OrderBy(p => p.Key.WireName(), StringComparer.Ordinal))
        {
            writer.WriteNumber(kind.WireName(), count);
        }

        writer.WriteEndObject();
    }

    public static JsonWriterOptions Options => new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
