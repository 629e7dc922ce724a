using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Storage.Journaling;

/// <summary>
/// A symbolic link anywhere between the root and a link file: no change, no undo and no tag removal goes through
/// it. On the real disk: a mock cannot model a link leading out of the root.
/// </summary>
public sealed class JournalSymlinkTests : IDisposable
{
    private static readonly Digest A = Digest.Sha256Of("a"u8);
    private readonly StorageTree _tree = StorageTree.OnDisk();
    private readonly string _outside = Directory.CreateTempSubdirectory("outside-").FullName;

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private string JournalPath => Path.Combine(_tree.Root, "journal.jsonl");

    /// <summary>Makes <c>repositories/app/&lt;part&gt;</c> a link to the same layout outside, holding a tag "1" and revision A.</summary>
    private void LinkOut(string part)
    {
        var outsideRepository = Path.Combine(_outside, "app");
        Write(Path.Combine(outsideRepository, "_manifests", "tags", "1", "current", "link"), A.ToString());
        Write(Path.Combine(outsideRepository, "_manifests", "revisions", "sha256", A.Hex, "link"), A.ToString());
        var here = Path.Combine(StoragePaths.Repository(_tree.V2, "app"), part);
        Directory.CreateDirectory(Path.GetDirectoryName(here)!);
        Directory.CreateSymbolicLink(here, Path.Combine(outsideRepository, part));
    }

    private SortedDictionary<string, string> Outside() =>
        new(Directory.EnumerateFileSystemEntries(_outside, "*", SearchOption.AllDirectories)
            .ToDictionary(e => e, e => File.Exists(e) ? File.ReadAllText(e) : "directory"), StringComparer.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("_manifests")]
    [InlineData("_manifests/tags")]
    public void Changes_through_a_symbolic_link_are_refused_and_nothing_outside_changes(string part)
    {
        if (part.Length == 0)
        {
            Directory.CreateSymbolicLink(StoragePaths.Repository(_tree.V2, "app"), Path.Combine(_outside, "app"));
            Write(Path.Combine(_outside, "app", "_manifests", "tags", "1", "current", "link"), A.ToString());
            Write(Path.Combine(_outside, "app", "_manifests", "revisions", "sha256", A.Hex, "link"), A.ToString());
        }
        else
        {
            LinkOut(part);
        }

        var before = Outside();
        using var journal = ChangeJournal.Create(JournalPath, _tree.V2, "test", TimeProvider.System);
        var changes = new StorageChanges(new RegistryStorage(_tree.V2), journal);

        Assert.Throws<InvalidOperationException>(() => journal.RemoveLink(StoragePaths.TagCurrentLink(_tree.V2, "app", "1"), _tree.V2));
        Assert.Throws<InvalidOperationException>(() => journal.WriteLink(StoragePaths.TagCurrentLink(_tree.V2, "app", "2"), A));
        Assert.NotNull(changes.RemoveTag("app", "1"));
        if (part != "_manifests/tags")
        {
            Assert.Throws<InvalidOperationException>(() => changes.RemoveRevisionLink("app", A));
        }

        Assert.Empty(changes.RemoveEmptyTagDirectories("app"));
        Assert.Equal(0, journal.Changes);
        Assert.Equal(before, Outside());
    }

    [Fact]
    public void A_tag_holding_a_symbolic_link_is_left_whole()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        var history = Path.Combine(StoragePaths.TagDirectory(_tree.V2, "app", "1"), "index", "sha256");
        Directory.CreateSymbolicLink(Path.Combine(history, "elsewhere"), _outside);
        using var journal = ChangeJournal.Create(JournalPath, _tree.V2, "test", TimeProvider.System);

        var refusal = new StorageChanges(new RegistryStorage(_tree.V2), journal).RemoveTag("app", "1");

        Assert.NotNull(refusal);
        Assert.Contains("symbolic link", refusal.Detail, StringComparison.Ordinal);
        Assert.True(File.Exists(StoragePaths.TagCurrentLink(_tree.V2, "app", "1")));
        Assert.Equal(0, journal.Changes);
    }

    [Fact]
    public void Undo_does_not_follow_a_link_that_appeared_since_the_run_and_reports_a_conflict()
    {
        var link = StoragePaths.TagCurrentLink(_tree.V2, "app", "1");
        Write(link, A.ToString());
        using (var journal = ChangeJournal.Create(JournalPath, _tree.V2, "test", TimeProvider.System))
        {
            journal.RemoveLink(link, _tree.V2);
        }

        // Since the run, someone replaced the repository's tags directory with a link out of the root.
        var tags = Path.Combine(StoragePaths.Repository(_tree.V2, "app"), "_manifests", "tags");
        Assert.False(Directory.Exists(tags)); // the removal took the directories it emptied
        Directory.CreateDirectory(Path.GetDirectoryName(tags)!);
        Directory.CreateDirectory(Path.Combine(_outside, "tags"));
        Directory.CreateSymbolicLink(tags, Path.Combine(_outside, "tags"));

        var undo = JournalUndo.Undo(JournalPath);

        Assert.Equal(0, undo.Restored);
        Assert.Contains("symbolic link", Assert.Single(undo.Conflicts), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_outside, "tags")));
    }

    private static void Write(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(content));
    }
}
