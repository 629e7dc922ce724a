using System.IO.Abstractions.TestingHelpers;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Tests.Storage.Journaling;

/// <summary>What a run killed part-way leaves behind, and what undo and the next run make of it.</summary>
public sealed class JournalInterruptionTests
{
    private static readonly Digest A = Digest.Sha256Of("a"u8);
    private static readonly Digest B = Digest.Sha256Of("b"u8);
    private readonly MockFileSystem _fs = new();
    private readonly string _root = "/journal-kill-test-root";

    public JournalInterruptionTests() => _fs.Directory.CreateDirectory(_root);

    private string V2 => Path.Combine(_root, "v2");

    private string JournalPath => Path.Combine(_root, "journal.jsonl");

    [Fact]
    public void A_finished_journal_gives_no_warning_and_an_unfinished_one_says_the_run_did_not_finish()
    {
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(StoragePaths.RevisionLink(V2, "app", A), A);
            journal.Complete();
        }

        var finished = JournalUndo.Undo(JournalPath, _fs);
        _fs.File.WriteAllLines(JournalPath, _fs.File.ReadAllLines(JournalPath)[..^1]); // as if killed before the end record
        var unfinished = JournalUndo.Read(JournalPath, _fs);

        Assert.Empty(finished.Warnings);
        var warning = Assert.Single(unfinished.Warnings);
        Assert.Contains("did not finish (killed or crashed) after 1 recorded changes", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"type\":\"hea")]
    public void A_journal_killed_before_its_header_was_written_has_nothing_to_undo(string content)
    {
        _fs.File.WriteAllText(JournalPath, content);

        var result = JournalUndo.Undo(JournalPath, _fs);

        Assert.Equal((0, 0), (result.Restored, result.AlreadyUndone));
        Assert.Contains("before its first record", Assert.Single(result.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_puts_back_the_modification_time_prune_ranks_tags_by()
    {
        var current = StoragePaths.TagCurrentLink(V2, "app", "1.0");
        var pushed = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        Write(current, A.ToString());
        _fs.File.SetLastWriteTimeUtc(current, pushed);
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.RemoveLink(current, Path.GetDirectoryName(StoragePaths.TagDirectory(V2, "app", "1.0"))!);
        }

        JournalUndo.Undo(JournalPath, _fs);

        Assert.Equal(A.ToString(), _fs.File.ReadAllText(current));
        Assert.Equal(pushed, _fs.File.GetLastWriteTimeUtc(current));
    }

    [Fact]
    public void Undo_removes_the_directories_a_written_link_created_and_nothing_above_them()
    {
        var existing = StoragePaths.RevisionLink(V2, "app", B);
        Write(existing, B.ToString());
        var written = StoragePaths.RevisionLink(V2, "app", A);
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(written, A);
        }

        JournalUndo.Undo(JournalPath, _fs);

        Assert.False(_fs.Directory.Exists(Path.GetDirectoryName(written)));
        Assert.True(_fs.File.Exists(existing));
    }

    [Fact]
    public void A_temporary_file_left_by_a_write_killed_before_its_rename_is_removed_by_undo_and_by_the_next_write()
    {
        var link = StoragePaths.RevisionLink(V2, "app", A);
        var directory = Path.GetDirectoryName(link)!;
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(link, A);
        }

        // Killed after the record and the temporary file, before the rename: the link was never written.
        _fs.File.Delete(link);
        var leftover = Path.Combine(directory, ".registryguard-0123456789abcdef.tmp");
        Write(leftover, A.ToString());
        var undo = JournalUndo.Undo(JournalPath, _fs);
        Assert.Equal((0, 1), (undo.Restored, undo.AlreadyUndone));
        Assert.False(_fs.Directory.Exists(directory));

        Write(leftover, A.ToString());
        using (var rerun = ChangeJournal.Create(Path.Combine(_root, "rerun.jsonl"), V2, "test", TimeProvider.System, _fs))
        {
            rerun.WriteLink(link, A);
        }

        Assert.Equal(["link"], _fs.Directory.EnumerateFileSystemEntries(directory).Select(e => Path.GetFileName(e)));
    }

    private void Write(string path, string content)
    {
        _fs.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _fs.File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
    }
}
