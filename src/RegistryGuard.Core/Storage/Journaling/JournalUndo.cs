using System.IO.Abstractions;
using System.Text.Json;

namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// Reverts a journal, newest change first. Each file is restored only if it still holds what the journal wrote,
/// so undo is safe to repeat and never clobbers a change made after the journaled run (a new push, say). A path with
/// a symbolic link on the way below the root is left alone as a conflict: nothing outside the root is changed.
/// </summary>
public static class JournalUndo
{
    /// <param name="fileSystem">Where the journal and the storage live; the real file system by default.</param>
    public static UndoResult Undo(string journalPath, IFileSystem? fileSystem = null)
    {
        var fs = fileSystem ?? RegistryStorage.RealFileSystem;
        var (root, entries, warnings) = Read(journalPath, fs);
        var storage = entries.Count == 0 ? null : new RegistryStorage(root, fs);
        var restored = 0;
        var already = 0;
        var conflicts = new List<string>();
        foreach (var entry in entries.OrderByDescending(e => e.Sequence))
        {
            var path = JournalGuard.Resolve(root, entry.RelativePath);
            if (storage!.LinkOnTheWay(path) is { } link)
            {
                conflicts.Add($"{entry.RelativePath}: {link}; not followed, left as it is");
                continue;
            }

            var directory = Path.GetDirectoryName(path)!;
            ChangeJournal.RemoveStaleTemporaries(fs, directory); // a run killed between writing and renaming
            var current = ChangeJournal.ReadSmall(fs, path);
            if (SameBytes(current, entry.Before))
            {
                already++;
            }
            else if (SameBytes(current, entry.After))
            {
                if (entry.Before is null)
                {
                    fs.File.Delete(path);
                }
                else
                {
                    ChangeJournal.AtomicWrite(fs, path, entry.Before, entry.BeforeModified);
                }

                restored++;
            }
            else
            {
                conflicts.Add($"{entry.RelativePath}: changed since the journaled run; left as it is");
                continue;
            }

            if (entry.Before is null)
            {
                RemoveCreatedDirectories(fs, root, directory, entry.CreatedDirectory);
            }
        }

        return new UndoResult(restored, already, conflicts, warnings);
    }

    public static (string Root, IReadOnlyList<JournalEntry> Entries, IReadOnlyList<string> Warnings) Read(string journalPath, IFileSystem? fileSystem = null)
    {
        var lines = (fileSystem ?? RegistryStorage.RealFileSystem).File.ReadAllLines(journalPath);
        var warnings = new List<string>();
        string? root = null;
        var version = 0;
        var ended = false;
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
                        version = element.GetProperty("version").GetInt32();
                        break;
                    case "end":
                        ended = true;
                        break;
                    case "change":
                        entries.Add(new JournalEntry(
                            element.GetProperty("seq").GetInt64(),
                            element.GetProperty("path").GetString()!,
                            Bytes(element, "before"),
                            Bytes(element, "after"))
                        {
                            BeforeModified = element.TryGetProperty("before_modified", out var modified) ? modified.GetDateTimeOffset() : null,
                            CreatedDirectory = element.TryGetProperty("created_directory", out var created) ? created.GetString() : null,
                        });
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

        if (root is null)
        {
            // Killed between creating the file and its header reaching it: no change can have been made yet.
            return lines.All(string.IsNullOrWhiteSpace) || (lines.Length == 1 && IsTornHeader(lines[0]))
                ? ("", [], ["the run that wrote this journal was interrupted before its first record; nothing was changed"])
                : throw new InvalidDataException($"{journalPath} has no journal header");
        }

        if (!ended && version >= ChangeJournal.Version)
        {
            warnings.Add($"the run that wrote this journal did not finish (killed or crashed) after {entries.Count} recorded changes; "
                + "those are undone like any other (a later re-run has its own journal: undo that one first)");
        }

        return (root, entries, warnings);
    }

    private static bool IsTornHeader(string line)
    {
        const string start = "{\"type\":\"header\"";
        return line.StartsWith(start, StringComparison.Ordinal) || start.StartsWith(line, StringComparison.Ordinal);
    }

    /// <summary>Removes the directories a write created, once empty again: from the link's directory up to the recorded one.</summary>
    private static void RemoveCreatedDirectories(IFileSystem fileSystem, string root, string directory, string? created)
    {
        if (created is null)
        {
            return;
        }

        var top = Path.GetFullPath(Path.Combine(root, created.Replace('/', Path.DirectorySeparatorChar)));
        if (directory != top && !directory.StartsWith(top + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return; // not an ancestor of a path the guard accepted: never ours to remove
        }

        ChangeJournal.RemoveEmptyParents(fileSystem, directory, Path.GetDirectoryName(top)!); // up to and including top
    }

    private static byte[]? Bytes(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Convert.FromBase64String(element.GetProperty(name).GetString()!);

    private static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
