using RegistryGuard.Bench;
using RegistryGuard.Demo;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Bench;

/// <summary>
/// The benchmark data is only worth something if it is what a real registry would hold: the tree the generator
/// writes straight to disk must be file for file, byte for byte, what docker-registry itself writes when the same
/// images are pushed to it over HTTP.
/// </summary>
public sealed class BenchStorageLayoutTests
{
    [Fact]
    public async Task Storage_written_directly_is_identical_to_what_the_registry_writes_for_the_same_pushes()
    {
        var shape = new BenchShape(Repositories: 5, TagsPerRepository: 2, ContentGroups: 3);
        await using var registry = await LocalRegistry.StartAsync();
        using (var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Concurrency = 4 }))
        {
            await HttpLoader.LoadAsync(client, new SyntheticImages(shape), concurrency: 4, CancellationToken.None);
        }

        var direct = Directory.CreateTempSubdirectory("registryguard-bench-layout-").FullName;
        try
        {
            var stats = new StorageTreeWriter(direct, parallelism: 4).Write(new SyntheticImages(shape));

            var pushed = Snapshot(registry.StorageRoot);
            var written = Snapshot(direct);
            Assert.Equal(pushed.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            foreach (var (path, bytes) in pushed)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(written[path]), $"{path} differs");
            }

            Assert.Equal(stats.LinkFiles, written.Keys.Count(p => p.EndsWith("/link", StringComparison.Ordinal)));
            Assert.Equal(stats.DistinctDigests, written.Keys.Count(p => p.EndsWith("/data", StringComparison.Ordinal)));
            Assert.Equal(5, stats.Repositories);
            Assert.Equal(5 * 3, stats.Tags);
        }
        finally
        {
            Directory.Delete(direct, recursive: true);
        }
    }

    private static Dictionary<string, byte[]> Snapshot(string storageRoot)
    {
        var v2 = StoragePaths.V2Root(storageRoot);
        var files = Directory.EnumerateFiles(v2, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(v2, p).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);
        // Empty _uploads directories are part of the layout too.
        foreach (var uploads in Directory.EnumerateDirectories(v2, "_uploads", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(v2, uploads).Replace(Path.DirectorySeparatorChar, '/') + "/"] = [];
        }

        return files;
    }
}
