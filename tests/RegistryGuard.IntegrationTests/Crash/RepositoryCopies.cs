using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Crash;

/// <summary>
/// Makes a run big enough for kills to land inside it: a repository's storage directory copied under new names
/// (link files name blobs by digest, so the copies are real repositories the registry serves), mtimes included.
/// </summary>
internal static class RepositoryCopies
{
    public static IReadOnlyList<string> Make(string v2Root, string repository, string prefix, int count)
    {
        var source = StoragePaths.Repository(v2Root, repository);
        var names = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D3}").ToList();
        foreach (var name in names)
        {
            Copy(source, StoragePaths.Repository(v2Root, name));
        }

        return names;
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            Copy(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
