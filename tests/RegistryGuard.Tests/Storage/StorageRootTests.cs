using RegistryGuard.Scanning;
using RegistryGuard.Storage;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Storage;

public sealed class StorageRootTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("storage-root-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_rootdirectory_and_the_v2_directory_both_lead_to_v2()
    {
        using var tree = StorageTree.OnDisk();

        Assert.Equal(tree.V2, StorageRoot.FindV2(tree.Root));
        Assert.Equal(tree.V2, StorageRoot.FindV2(tree.V2));
        Assert.Equal(tree.V2, StorageRoot.FindV2(tree.V2 + Path.DirectorySeparatorChar));
        Assert.True(StorageRoot.LooksLikeRegistryStorage(tree.V2));
        Assert.Null(Scanner.RefuseFix(tree.Root));
    }

    [Fact]
    public void An_unrelated_directory_is_not_registry_storage_and_fix_is_refused()
    {
        File.WriteAllText(Path.Combine(_directory, "notes.txt"), "x");

        Assert.Null(StorageRoot.FindV2(_directory));
        Assert.NotNull(Scanner.RefuseFix(_directory));
    }

    [Fact]
    public void Half_a_layout_is_scanned_but_not_repaired()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "docker", "registry", "v2", "repositories"));

        Assert.NotNull(StorageRoot.FindV2(_directory));
        Assert.NotNull(Scanner.RefuseFix(_directory));
    }

    [Fact]
    public void A_symlinked_repositories_directory_is_refused_for_fix()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_directory, "elsewhere")).FullName;
        var v2 = Directory.CreateDirectory(Path.Combine(_directory, "docker", "registry", "v2")).FullName;
        Directory.CreateDirectory(Path.Combine(v2, "blobs"));
        Directory.CreateSymbolicLink(Path.Combine(v2, "repositories"), elsewhere);

        Assert.False(StorageRoot.LooksLikeRegistryStorage(v2));
    }
}
