using System.Text.Json;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Reporting;

/// <summary>What an undo did to a journal's changes: restored, already as before, and the conflicts it left alone.</summary>
public static class UndoReportWriter
{
    /// <param name="journal">The journal as the operator named it.</param>
    /// <param name="exitCode">The exit code the run ends with.</param>
    public static void Write(string journal, UndoResult result, int exitCode, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ReportOutput.Write(format, output, text => WriteText(journal, result, text), json => WriteJson(journal, result, exitCode, json));
    }

    private static void WriteText(string journal, UndoResult result, TextWriter output)
    {
        output.WriteLine($"undo {journal}: {result.Restored} restored, {result.AlreadyUndone} already as before, {result.Conflicts.Count} conflicts");
        foreach (var conflict in result.Conflicts)
        {
            output.WriteLine("CONFLICT " + conflict);
        }
    }

    private static void WriteJson(string journal, UndoResult result, int exitCode, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("schema_version", ReportOutput.SchemaVersion);
        w.WriteString("command", "undo");
        w.WriteString("journal", journal);
        w.WriteStartObject("summary");
        w.WriteNumber("restored", result.Restored);
        w.WriteNumber("already_undone", result.AlreadyUndone);
        w.WriteNumber("conflicts", result.Conflicts.Count);
        w.WriteNumber("exit_code", exitCode);
        w.WriteEndObject();
        ReportOutput.WriteStrings(w, "conflicts", result.Conflicts);
        ReportOutput.WriteStrings(w, "warnings", result.Warnings);
        w.WriteEndObject();
    }
}
