using System.IO.Abstractions.TestingHelpers;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Tests.Storage.Repositories;

/// <summary>The one rule scan and prune share for what a repository is, on an in-memory tree.</summary>
public sealed class RepositoryDiscoveryTests
{
    private const string V2 = "/registry/docker/registry/v2";
    private readonly MockFileSystem _fs = new();

    private void Directory(string relative) => _fs.Directory.CreateDirectory(Path.Combine(V2, "repositories", relative));

    private (IReadOnlyList<string> Names, IReadOnlyList<StorageProblem> Problems) Find()
    {
        var problems = new StorageProblems();
        var found = RepositoryDiscovery.Find(new RegistryStorage(V2, _fs), concurrency: 2, problems);
        Assert.Null(found.Unreadable);
        return ([.. found.Repositories.Select(r => r.Name)], problems.All);
    }

    [Fact]
    public void A_directory_holding_manifests_layers_or_uploads_is_a_repository_and_names_nest()
    {
        Directory("team/app/_manifests/tags");
        Directory("team/app/api/_manifests");
        Directory("team/pushing/_layers/sha256");   // a push that has only uploaded blobs so far
        Directory("team/uploading/_uploads/4f1c");
        Directory("team/empty-namespace");
        _fs.File.WriteAllText(Path.Combine(V2, "repositories", "team", "stray.txt"), "not a repository");

        var (names, problems) = Find();

        Assert.Equal(["team/app", "team/app/api", "team/pushing", "team/uploading"], names);
        Assert.Empty(problems);
    }

    [Fact]
    public void Directories_starting_with_an_underscore_are_never_walked_into()
    {
        Directory("app/_manifests/tags/nested/_manifests");
        Directory("app/_layers/x/_manifests");

        Assert.Equal(["app"], Find().Names);
    }

    [Fact]
    public void No_repositories_directory_means_no_repository()
    {
        _fs.Directory.CreateDirectory(Path.Combine(V2, "blobs"));

        Assert.Empty(Find().Names);
    }
}
