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

    [Fact]
    public async Task Signed_storage_written_directly_is_what_the_registry_writes_and_every_signature_verifies()
    {
        var shape = new BenchShape(Repositories: 3, TagsPerRepository: 2, ContentGroups: 2);
        using var signer = new CosignSigner();
        var images = new SyntheticImages(shape, signer);
        await using var registry = await LocalRegistry.StartAsync();
        using (var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Concurrency = 4 }))
        {
            await HttpLoader.LoadAsync(client, images, concurrency: 4, CancellationToken.None);
        }

        var direct = Directory.CreateTempSubdirectory("registryguard-bench-signed-").FullName;
        try
        {
            var stats = new StorageTreeWriter(direct, parallelism: 4).Write(images);
            var key = Path.Combine(direct, "cosign.pub");
            await File.WriteAllTextAsync(key, signer.PublicKeyPem);

            var pushed = Snapshot(registry.StorageRoot);
            var written = Snapshot(direct);
            Assert.Equal(pushed.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
            Assert.All(pushed, pair => Assert.True(pair.Value.AsSpan().SequenceEqual(written[pair.Key]), $"{pair.Key} differs"));
            Assert.Equal(3 * (2 + 1 + 2), stats.Tags); // versions, latest, one .sig per build

            var probe = await Infrastructure.CliRunner.RunAsync("probe", "--registry", registry.Url.ToString(), "--cosign-key", key, "--require-signature", "**", "--output", "json");
            Assert.True(probe.ExitCode == 0, probe.Combined);
            var signatures = Infrastructure.JsonReport.Parse(probe.StandardOutput).Summary.GetProperty("signatures");
            Assert.Equal((6, 6), (signatures.GetProperty("checked").GetInt32(), signatures.GetProperty("valid").GetInt32()));
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
