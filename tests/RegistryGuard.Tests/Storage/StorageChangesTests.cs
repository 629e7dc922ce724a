using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Storage;

/// <summary>Every change the tool makes goes through the journal and undoes exactly; on an in-memory tree.</summary>
public sealed class StorageChangesTests : IDisposable
{
    private readonly StorageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string JournalPath => Path.Combine(_tree.Root, "journal.jsonl");

    private ChangeJournal Journal() => ChangeJournal.Create(JournalPath, _tree.V2, "test", TimeProvider.System, _tree.FileSystem);

    [Fact]
    public void Removing_a_tag_removes_its_current_and_history_links_and_undo_puts_them_back()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "old", image);
        _tree.Tag("app", "kept", image);
        var before = _tree.Snapshot();

        using (var journal = Journal())
        {
            Assert.Null(new StorageChanges(new RegistryStorage(_tree.V2, _tree.FileSystem), journal).RemoveTag("app", "old"));
            Assert.Equal(2, journal.Changes);
        }

        Assert.False(_tree.FileSystem.Directory.Exists(StoragePaths.TagDirectory(_tree.V2, "app", "old")));
        Assert.True(_tree.FileSystem.File.Exists(StoragePaths.TagCurrentLink(_tree.V2, "app", "kept")));

        var undo = JournalUndo.Undo(JournalPath, _tree.FileSystem);

        Assert.Equal(2, undo.Restored);
        Assert.Equal(before, _tree.Snapshot());
    }

    /// <summary>
    /// A prune killed while removing the empty directories above a history link leaves some of them beside a whole
    /// <c>current/link</c>. The re-run removes that link: the directories left over must not keep the tag listed.
    /// </summary>
    [Fact]
    public void Removing_a_tag_also_removes_empty_directories_an_interrupted_removal_left_in_it()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "old", image);
        var tag = StoragePaths.TagDirectory(_tree.V2, "app", "old");
        _tree.FileSystem.Directory.Delete(Path.Combine(tag, "index", "sha256", image.Hex), recursive: true);

        using (var journal = Journal())
        {
            Assert.Null(new StorageChanges(new RegistryStorage(_tree.V2, _tree.FileSystem), journal).RemoveTag("app", "old"));
            Assert.Equal(1, journal.Changes);
        }

        Assert.False(_tree.FileSystem.Directory.Exists(tag));
    }

    [Fact]
    public void Removing_a_revision_link_and_a_layer_link_is_journaled_and_blob_data_stays()
    {
        var image = _tree.Image("app");
        var layer = _tree.Layer("app").Digest;
        using (var journal = Journal())
        {
            var changes = new StorageChanges(new RegistryStorage(_tree.V2, _tree.FileSystem), journal);
            changes.RemoveRevisionLink("app", image);
            changes.RemoveLayerLink("app", layer);
        }

        Assert.False(_tree.FileSystem.File.Exists(StoragePaths.RevisionLink(_tree.V2, "app", image)));
        Assert.False(_tree.FileSystem.File.Exists(StoragePaths.LayerLink(_tree.V2, "app", layer)));
        Assert.True(_tree.FileSystem.Directory.Exists(Path.Combine(StoragePaths.Repository(_tree.V2, "app"), "_layers", "sha256")));
        Assert.True(_tree.FileSystem.File.Exists(StoragePaths.BlobData(_tree.V2, image)));
        Assert.True(_tree.FileSystem.File.Exists(StoragePaths.BlobData(_tree.V2, layer)));
    }

    [Fact]
    public void Only_tag_directories_holding_no_file_are_removed_as_left_by_an_interrupted_prune()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "whole", image);
        var tags = Path.Combine(StoragePaths.Repository(_tree.V2, "app"), "_manifests", "tags");
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(tags, "emptied", "index", "sha256"));
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(tags, "bare"));

        using var journal = Journal();
        var removed = new StorageChanges(new RegistryStorage(_tree.V2, _tree.FileSystem), journal).RemoveEmptyTagDirectories("app");

        Assert.Equal(["bare", "emptied"], removed.Order(StringComparer.Ordinal));
        Assert.Equal(["whole"], _tree.FileSystem.Directory.EnumerateDirectories(tags).Select(d => Path.GetFileName(d)));
        Assert.Equal(0, journal.Changes); // they held no bytes
    }
}
