using System.Globalization;
using System.Text.Json;
using RegistryGuard.Signatures;

namespace RegistryGuard.Reporting;

/// <summary>The signature line of a probe or verify report: keys by fingerprint only.</summary>
public static class SignatureText
{
    public static string Summary(SignatureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var keys = summary.KeyFingerprints.Count == 1 ? "1 key" : $"{summary.KeyFingerprints.Count} keys";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"signatures: {summary.Checked} images checked with {keys} ({string.Join(", ", summary.KeyFingerprints)}): {summary.Valid} valid, {summary.NotSigned} unsigned, {summary.Invalid} invalid");
        if (summary.Orphaned > 0)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {summary.Orphaned} orphaned signature tags");
        }

        return summary.Unchecked > 0 ? line + string.Create(CultureInfo.InvariantCulture, $", {summary.Unchecked} not checked (registry errors)") : line;
    }

    public static void WriteJson(Utf8JsonWriter writer, SignatureSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        writer.WriteStartObject("signatures");
        writer.WriteStartArray("keys");
        foreach (var fingerprint in summary.KeyFingerprints)
        {
            writer.WriteStringValue(fingerprint);
        }

        writer.WriteEndArray();
        writer.WriteNumber("checked", summary.Checked);
        writer.WriteNumber("valid", summary.Valid);
        writer.WriteNumber("unsigned", summary.NotSigned);
        writer.WriteNumber("invalid", summary.Invalid);
        writer.WriteNumber("orphaned", summary.Orphaned);
        writer.WriteNumber("unchecked", summary.Unchecked);
        writer.WriteEndObject();
    }
}
