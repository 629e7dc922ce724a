using RegistryGuard.Common;

namespace RegistryGuard.Tests.Common;

public sealed class WritablePlaceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("registryguard-writable-").FullName;

    [Fact]
    public void A_file_in_a_directory_that_can_be_created_is_fine_and_nothing_is_left_but_the_directory()
    {
        var path = Path.Combine(_directory, "new", "journal.jsonl");

        Assert.Null(WritablePlace.FileProblem(path, "journal"));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(_directory, "new")));
    }

    [Fact]
    public void A_path_through_a_file_names_that_file()
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "x");

        var problem = WritablePlace.FileProblem(Path.Combine(file, "sub", "journal.jsonl"), "journal");

        Assert.Equal($"cannot write the journal {Path.Combine(file, "sub", "journal.jsonl")}: {file} is a file, not a directory", problem);
    }

    [Fact]
    public void A_directory_given_as_a_file_is_refused()
    {
        Assert.Contains("is a directory", WritablePlace.FileProblem(_directory, "--state-file"), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
