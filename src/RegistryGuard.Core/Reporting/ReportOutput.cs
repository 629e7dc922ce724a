using System.Text.Json;

namespace RegistryGuard.Reporting;

/// <summary>How every command's report reaches its reader: text as the writer wrote it, or one indented JSON document.</summary>
public static class ReportOutput
{
    /// <summary>
    /// The version of every command's JSON shape (<c>schema_version</c>, described in docs/json.md): raised when a
    /// field is removed or changes meaning; adding a field keeps it.
    /// </summary>
    public const int SchemaVersion = 1;

    public static void Write(ReportFormat format, TextWriter output, Action<TextWriter> writeText, Action<Utf8JsonWriter> writeJson)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(writeText);
        ArgumentNullException.ThrowIfNull(writeJson);
        if (format != ReportFormat.Json)
        {
            writeText(output);
            return;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, FindingJson.Options))
        {
            writeJson(writer);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>An array of plain strings (warnings, conflicts, next steps), empty when there are none.</summary>
    internal static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
