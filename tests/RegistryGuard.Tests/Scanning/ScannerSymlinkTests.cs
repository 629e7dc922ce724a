using RegistryGuard.Findings;
using RegistryGuard.Scanning;
using RegistryGuard.Storage;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Scanning;

/// <summary>Symbolic links in the tree, on the real disk (a mock cannot model a link leading out of the root): reported, never followed.</summary>
public sealed class ScannerSymlinkTests : IDisposable
{
    private readonly StorageTree _tree = StorageTree.OnDisk();
    private readonly StorageTree _outside = StorageTree.OnDisk();

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    private ScanReport Scan() => new Scanner(new ScanOptions(_tree.Root)).Scan(CancellationToken.None);

    [Fact]
    public void Symlinked_repository_outside_the_root_is_reported_and_not_followed()
    {
        using var outside = StorageTree.OnDisk();
        var image = outside.Image("victim");
        outside.Tag("victim", "1", image);
        Directory.CreateSymbolicLink(Path.Combine(_tree.V2, "repositories", "escape"), Path.Combine(outside.V2, "repositories", "victim"));

        var report = Scan();

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.UnreadablePath, "escape"), (finding.Kind, finding.Repository));
        Assert.Contains("outside the storage root", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(0, report.Summary.Repositories);
    }

    [Theory]
    [InlineData("_manifests")]
    [InlineData("_manifests/tags")]
    [InlineData("_manifests/tags/1/current")]
    [InlineData("_manifests/revisions")]
    [InlineData("_layers/sha256")]
    public void A_symlinked_directory_inside_a_repository_is_reported_and_what_it_leads_to_is_never_read(string linked)
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        var victim = _outside.Image("victim");
        _outside.Tag("victim", "1", victim);
        var here = Path.Combine(StoragePaths.Repository(_tree.V2, "app"), linked);
        Directory.Move(here, here + ".real");
        Directory.CreateSymbolicLink(here, Path.Combine(StoragePaths.Repository(_outside.V2, "victim"), linked));

        var report = Scan();

        var unreadable = Assert.Single(report.Findings, f => f.Kind == FindingKind.UnreadablePath);
        Assert.Equal("app", unreadable.Repository);
        Assert.Contains($"repositories/app/{linked}: symbolic link pointing outside the storage root", unreadable.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.Digest == victim.ToString()); // nothing behind the link was read
        Assert.Empty(report.Repairs); // an unreadable directory proves nothing absent
    }
}
