using System.Text.Json;

namespace RegistryGuard.Storage.Journaling;

/// <param name="Restored">Changes reverted.</param>
/// <param name="AlreadyUndone">Files already in their "before" state (a re-run, or a change a crash never made).</param>
/// <param name="Conflicts">Files changed by someone else since: left alone, each with a message.</param>
public sealed record UndoResult(int Restored, int AlreadyUndone, IReadOnlyList<string> Conflicts, IReadOnlyList<string> Warnings);

/// <summary>
/// Reverts a journal, newest change first. Each file is restored only if it still holds what the journal wrote,
/// so undo is safe to repeat and never clobbers a change made after the journaled run (a new push, say).
/// </summary>
public static class JournalUndo
{
    public static UndoResult Undo(string journalPath)
    {
        var (root, entries, warnings) = Read(journalPath);
        var restored = 0;
        var already = 0;
        var conflicts = new List<string>();
        foreach (var entry in entries.OrderByDescending(e => e.Sequence))
        {
            var path = JournalGuard.Resolve(root, entry.RelativePath);
            var current = ChangeJournal.ReadSmall(path);
            if (SameBytes(current, entry.Before))
            {
                already++;
            }
            else if (SameBytes(current, entry.After))
            {
                if (entry.Before is null)
                {
                    File.Delete(path);
                }
                else
                {
                    ChangeJournal.AtomicWrite(path, entry.Before);
                }

                restored++;
            }
            else
            {
                conflicts.Add($"{entry.RelativePath}: changed since the journaled run; left as it is");
            }
        }

        return new UndoResult(restored, already, conflicts, warnings);
    }

    public static (string Root, IReadOnlyList<JournalEntry> Entries, IReadOnlyList<string> Warnings) Read(string journalPath)
    {
        var lines = File.ReadAllLines(journalPath);
        var warnings = new List<string>();
        string? root = null;
        var entries = new List<JournalEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                var element = document.RootElement;
                switch (element.GetProperty("type").GetString())
                {
                    case "header":
                        root = element.GetProperty("root").GetString();
                        break;
                    case "change":
                        entries.Add(new JournalEntry(
                            element.GetProperty("seq").GetInt64(),
                            element.GetProperty("path").GetString()!,
                            Bytes(element, "before"),
                            Bytes(element, "after")));
                        break;
                }
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // Records are flushed before their change: a torn last line is a change that was never made.
                if (i == lines.Length - 1)
                {
                    warnings.Add($"line {i + 1} is incomplete (the run was interrupted while writing it); ignored");
                    continue;
                }

                throw new InvalidDataException($"{journalPath}: line {i + 1} is not a journal record");
            }
        }

        return root is null
            ? throw new InvalidDataException($"{journalPath} has no journal header")
            : (root, entries, warnings);
    }

    private static byte[]? Bytes(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Convert.FromBase64String(element.GetProperty(name).GetString()!);

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
