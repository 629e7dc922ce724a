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

    /// <summary>
    /// The whole document of a command that reports counts and lists of messages (undo, restore): what it worked
    /// from, a summary of counts ending with the exit code, then each list.
    /// </summary>
    internal static void WriteCountsDocument(Utf8JsonWriter w, string command, (string Name, string Value) source,
        IEnumerable<(string Name, int Count)> counts, int exitCode, params (string Name, IReadOnlyList<string> Items)[] lists)
    {
        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("command", command);
        w.WriteString(source.Name, source.Value);
        w.WriteStartObject("summary");
        foreach (var (name, count) in counts)
        {
            w.WriteNumber(name, count);
        }

        w.WriteNumber("exit_code", exitCode);
        w.WriteEndObject();
        foreach (var (name, items) in lists)
        {
            WriteStrings(w, name, items);
        }

        w.WriteEndObject();
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
