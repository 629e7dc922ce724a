using System.Text.Json;

namespace RegistryGuard.Reporting;

/// <summary>How every command's report reaches its reader: text as the writer wrote it, or one indented JSON document.</summary>
public static class ReportOutput
{
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
}
