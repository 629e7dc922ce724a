using System.Text.Json;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Reporting;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Tests.Reporting;

public sealed class UndoAndRestoreReportTests
{
    private static readonly UndoResult Undo = new(2, 1, ["repositories/app/_layers/sha256/ab/link changed since"], ["journal ends without its end record"]);

    [Fact]
    public void Undo_text_is_the_summary_line_then_one_line_per_conflict()
    {
        var text = Render(w => UndoReportWriter.Write("fix.jsonl", Undo, 1, ReportFormat.Text, w));

        Assert.Equal(["undo fix.jsonl: 2 restored, 1 already as before, 1 conflicts", "CONFLICT repositories/app/_layers/sha256/ab/link changed since"], Lines(text));
    }

    [Fact]
    public void Undo_json_carries_the_counts_the_exit_code_and_every_message()
    {
        using var json = JsonDocument.Parse(Render(w => UndoReportWriter.Write("fix.jsonl", Undo, 1, ReportFormat.Json, w)));
        var root = json.RootElement;

        Assert.Equal("undo", root.GetProperty("command").GetString());
        Assert.Equal("fix.jsonl", root.GetProperty("journal").GetString());
        Assert.Equal("restored=2 already_undone=1 conflicts=1 exit_code=1", Compact(root.GetProperty("summary")));
        Assert.Equal(Undo.Conflicts, Strings(root.GetProperty("conflicts")));
        Assert.Equal(Undo.Warnings, Strings(root.GetProperty("warnings")));
    }

    [Fact]
    public void Restore_json_without_problems_is_clean_with_an_empty_list()
    {
        using var json = JsonDocument.Parse(Render(w => RestoreReportWriter.Write("/var/backups/prune-1", new RestoreResult(3, 2, []), 0, ReportFormat.Json, w)));
        var root = json.RootElement;

        Assert.Equal("restore", root.GetProperty("command").GetString());
        Assert.Equal("/var/backups/prune-1", root.GetProperty("backup").GetString());
        Assert.Equal("manifests=3 tags=2 problems=0 exit_code=0", Compact(root.GetProperty("summary")));
        Assert.Empty(Strings(root.GetProperty("problems")));
    }

    [Fact]
    public void Restore_text_names_each_problem()
    {
        var text = Render(w => RestoreReportWriter.Write("b", new RestoreResult(0, 1, ["app@sha256:ab: blob sha256:cd was collected"]), 1, ReportFormat.Text, w));

        Assert.Equal(["restored 0 manifests and 1 tags", "problem: app@sha256:ab: blob sha256:cd was collected"], Lines(text));
    }

    private static string Render(Action<TextWriter> write)
    {
        using var output = new StringWriter();
        write(output);
        return output.ToString();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string Compact(JsonElement element) => string.Join(' ', element.EnumerateObject().Select(p => $"{p.Name}={p.Value}"));
}
