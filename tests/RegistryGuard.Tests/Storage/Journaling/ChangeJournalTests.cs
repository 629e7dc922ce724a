using System.IO.Abstractions.TestingHelpers;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Tests.Storage.Journaling;

/// <summary>The journal and undo on an in-memory file system (MockFileSystem); symbolic links and crashes have real-disk tests.</summary>
public sealed class ChangeJournalTests
{
    private static readonly Digest A = Digest.Sha256Of("a"u8);
    private static readonly Digest B = Digest.Sha256Of("b"u8);
    private readonly MockFileSystem _fs = new();
    private readonly string _root = "/journal-test-root";

    public ChangeJournalTests() => _fs.Directory.CreateDirectory(_root);

    private string V2 => Path.Combine(_root, "v2");

    private string JournalPath => Path.Combine(_root, "journal.jsonl");

    [Fact]
    public void Written_and_removed_links_are_restored_exactly_by_undo()
    {
        var created = StoragePaths.RevisionLink(V2, "team/app", A);
        var replaced = StoragePaths.LayerLink(V2, "team/app", B);
        var removed = StoragePaths.TagCurrentLink(V2, "team/app", "old");
        Write(replaced, "garbage\n");
        Write(removed, B.ToString());

        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(created, A);
            journal.WriteLink(replaced, B);
            journal.RemoveLink(removed, StoragePaths.Repository(V2, "team/app"));
            Assert.Equal(3, journal.Changes);
        }

        Assert.Equal(A.ToString(), _fs.File.ReadAllText(created));
        Assert.False(_fs.Directory.Exists(StoragePaths.TagDirectory(V2, "team/app", "old")));

        var result = JournalUndo.Undo(JournalPath, _fs);

        Assert.Equal(3, result.Restored);
        Assert.False(_fs.File.Exists(created));
        Assert.Equal("garbage\n", _fs.File.ReadAllText(replaced));
        Assert.Equal(B.ToString(), _fs.File.ReadAllText(removed));
    }

    [Fact]
    public void Undo_is_idempotent_and_never_clobbers_a_later_change()
    {
        var link = StoragePaths.RevisionLink(V2, "app", A);
        var other = StoragePaths.RevisionLink(V2, "app", B);
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(link, A);
            journal.WriteLink(other, B);
        }

        Write(other, "changed by a push");
        var first = JournalUndo.Undo(JournalPath, _fs);
        var second = JournalUndo.Undo(JournalPath, _fs);

        Assert.Equal((1, 0, 1), (first.Restored, first.AlreadyUndone, first.Conflicts.Count));
        Assert.Equal("changed by a push", _fs.File.ReadAllText(other));
        Assert.Equal((0, 1), (second.Restored, second.AlreadyUndone));
    }

    [Fact]
    public void A_torn_last_record_is_ignored_with_a_warning()
    {
        var link = StoragePaths.RevisionLink(V2, "app", A);
        using (var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs))
        {
            journal.WriteLink(link, A);
        }

        _fs.File.AppendAllText(JournalPath, "{\"type\":\"change\",\"seq\":2,\"pa");

        var result = JournalUndo.Undo(JournalPath, _fs);

        Assert.Equal(1, result.Restored);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("line 3 is incomplete", result.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("did not finish", result.Warnings[1], StringComparison.Ordinal); // killed: no end record either
    }

    [Theory]
    [InlineData("blobs/sha256/ab/abcd/data")]
    [InlineData("repositories/app/_manifests/revisions/sha256/x/../../../../../../../etc/link")]
    [InlineData("repositories/app/_layers/sha256/ab/data")]
    public void Only_link_files_under_repositories_can_ever_be_touched(string relative)
    {
        var target = Path.Combine(V2, relative);
        Write(Path.Combine(V2, "blobs/sha256/ab/abcd/data"), "precious bytes");
        using var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs);

        Assert.Throws<InvalidOperationException>(() => journal.RemoveLink(target, V2));
        Assert.Throws<InvalidOperationException>(() => journal.WriteLink(target, A));
        Assert.Equal("precious bytes", _fs.File.ReadAllText(Path.Combine(V2, "blobs/sha256/ab/abcd/data")));
    }

    [Fact]
    public void A_large_file_named_link_is_refused()
    {
        var link = StoragePaths.RevisionLink(V2, "app", A);
        Write(link, new string('x', 5000));
        using var journal = ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs);

        Assert.Throws<InvalidOperationException>(() => journal.RemoveLink(link, V2));
        Assert.True(_fs.File.Exists(link));
    }

    [Fact]
    public void An_existing_journal_is_never_overwritten()
    {
        _fs.File.WriteAllText(JournalPath, "previous run");

        Assert.Throws<IOException>(() => ChangeJournal.Create(JournalPath, V2, "test", TimeProvider.System, _fs));
        Assert.Equal("previous run", _fs.File.ReadAllText(JournalPath));
    }

    private void Write(string path, string content)
    {
        _fs.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _fs.File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
    }
}
