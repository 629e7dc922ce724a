namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>
/// Break and repair: saves what a breakage is about to touch (files or whole directories, bytes and mtimes) and puts
/// it back exactly when disposed, so every row of the matrix runs on the pristine corpus without copying it.
/// </summary>
internal sealed class StorageRepair : IDisposable
{
    private readonly List<(string Path, bool WasDirectory, List<(string File, byte[] Bytes, DateTime Modified)> Files)> _saved = [];

    public void Save(string path)
    {
        var isDirectory = Directory.Exists(path);
        var files = isDirectory ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).ToList() : [path];
        _saved.Add((path, isDirectory, [.. files.Select(f => (f, File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)))]));
    }

    public void Dispose()
    {
        foreach (var (path, wasDirectory, files) in Enumerable.Reverse(_saved))
        {
            if (wasDirectory && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            foreach (var (file, bytes, modified) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, bytes);
                File.SetLastWriteTimeUtc(file, modified);
            }
        }
    }
}
