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

    private static void WriteJson(string journal, UndoResult result, int exitCode, Utf8JsonWriter w) =>
        ReportOutput.WriteCountsDocument(w, "undo", ("journal", journal),
            [("restored", result.Restored), ("already_undone", result.AlreadyUndone), ("conflicts", result.Conflicts.Count)], exitCode,
            ("conflicts", result.Conflicts), ("warnings", result.Warnings));
}
