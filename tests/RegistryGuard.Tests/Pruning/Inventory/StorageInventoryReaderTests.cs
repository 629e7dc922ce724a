using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Storage;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Pruning.Inventory;

/// <summary>What prune reads from storage, through the storage layer, on an in-memory tree.</summary>
public sealed class StorageInventoryReaderTests : IDisposable
{
    private readonly StorageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private StorageInventoryReader Reader() => new(_tree.V2, _tree.FileSystem);

    [Fact]
    public void Tags_carry_the_push_time_of_their_current_link_and_every_revision_is_a_manifest()
    {
        var image = _tree.Image("team/app");
        var untagged = _tree.Image("team/app");
        _tree.Tag("team/app", "1.0", image);
        var pushed = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        _tree.FileSystem.File.SetLastWriteTimeUtc(StoragePaths.TagCurrentLink(_tree.V2, "team/app", "1.0"), pushed);

        var reader = Reader();
        var inventory = Assert.Single(reader.ReadAll());

        Assert.Empty(reader.Warnings);
        Assert.True(inventory.Complete);
        var tag = Assert.Single(inventory.Tags);
        Assert.Equal(("1.0", image, new DateTimeOffset(pushed)), (tag.Name, tag.Digest, tag.PushedAt!.Value));
        Assert.Equal(new[] { image, untagged }.Select(d => d.ToString()).Order(StringComparer.Ordinal), inventory.Manifests.Keys.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.All(inventory.Manifests.Values, m => Assert.True(m.Readable));
        Assert.Equal(2, inventory.Manifests[image].Blobs.Count);
    }

    [Fact]
    public void A_manifest_whose_bytes_do_not_hash_to_its_digest_is_unreadable_with_a_warning()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        _tree.FileSystem.File.WriteAllText(StoragePaths.BlobData(_tree.V2, image), """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""");

        var reader = Reader();
        var manifest = Assert.Single(reader.ReadAll()).Manifests[image];

        Assert.False(manifest.Readable);
        Assert.Contains(reader.Warnings, w => w.Contains($"manifest {image} is unreadable (its blob data does not hash to its digest)", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_that_are_not_exactly_a_digest_are_not_read_as_tags_or_revisions()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "good", image);
        _tree.Write(StoragePaths.TagCurrentLink(_tree.V2, "app", "newline"), System.Text.Encoding.ASCII.GetBytes(image + "\n"));
        _tree.Write(StoragePaths.RevisionLink(_tree.V2, "app", Digest.Sha256Of("other"u8)), System.Text.Encoding.ASCII.GetBytes(image.ToString()));

        var reader = Reader();
        var inventory = Assert.Single(reader.ReadAll());

        Assert.Equal(["good"], inventory.Tags.Select(t => t.Name));
        Assert.Equal([image], inventory.Manifests.Keys);
        Assert.Contains(reader.Warnings, w => w.Contains("tag directory 'newline' has no readable current/link", StringComparison.Ordinal));
        Assert.Contains(reader.Warnings, w => w.Contains("but lives under", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_repository_names_are_left_alone_with_a_warning()
    {
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(_tree.V2, "repositories", "Upper", "_manifests"));

        var reader = Reader();

        Assert.Empty(reader.ReadAll());
        Assert.Equal(["'Upper' is not a valid repository name; left alone"], reader.Warnings);
    }
}
