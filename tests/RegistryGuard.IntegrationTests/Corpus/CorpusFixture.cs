using RegistryGuard.Demo;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// The real-world content corpus on a real docker-registry, built once per run (<see cref="CorpusBuild"/>). Tests
/// never change it: each breakage or prune case works on its own copy (<see cref="CopyAsync"/>).
/// </summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    private LocalRegistry? _registry;
    private string? _workDirectory;

    internal LocalRegistry Registry => _registry ?? throw new InvalidOperationException("the corpus is not built");

    internal CorpusFacts Facts { get; private set; } = new();

    internal CorpusCensus? Census { get; private set; }

    /// <summary>Wall time of the build (pushes, uploads, garbage-collect; not the registry's start) and of each step.</summary>
    internal IReadOnlyDictionary<string, TimeSpan> BuildTimings { get; private set; } = new Dictionary<string, TimeSpan>();

    public async Task InitializeAsync()
    {
        _registry = await StartAllowingForeignLayersAsync();
        _workDirectory = Directory.CreateTempSubdirectory("registryguard-corpus-").FullName;
        (Facts, BuildTimings) = await CorpusBuild.RunAsync(_registry, _workDirectory);
        Census = CorpusCensus.Read(_registry.V2Root);
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        if (_workDirectory is not null)
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    /// <summary>A second registry serving an exact copy of the corpus storage (lost+found included), for one test to break or prune.</summary>
    internal async Task<LocalRegistry> CopyAsync()
    {
        var copy = await LocalRegistry.StartAsync();
        CopyTree(new DirectoryInfo(Registry.StorageRoot), new DirectoryInfo(copy.StorageRoot));
        return copy;
    }

    /// <summary>
    /// Registry 2.8 refuses (500) a manifest with foreign or non-distributable layers unless its config allows their
    /// URLs (REGISTRY-FACTS): the corpus registry gets <c>validation.manifests.urls.allow</c>.
    /// </summary>
    private static async Task<LocalRegistry> StartAllowingForeignLayersAsync()
    {
        var registry = await LocalRegistry.StartAsync();
        var config = await File.ReadAllTextAsync(registry.ConfigPath);
        await File.WriteAllTextAsync(registry.ConfigPath, config.TrimEnd() + "\nvalidation:\n  manifests:\n    urls:\n      allow: ['^https?://']\n");
        await registry.RestartAsync();
        return registry;
    }

    private static void CopyTree(DirectoryInfo source, DirectoryInfo target)
    {
        target.Create();
        if (!OperatingSystem.IsWindows())
        {
            target.UnixFileMode = source.UnixFileMode;
        }

        foreach (var file in source.EnumerateFiles())
        {
            var copy = file.CopyTo(Path.Combine(target.FullName, file.Name));
            copy.LastWriteTimeUtc = file.LastWriteTimeUtc;
        }

        foreach (var directory in source.EnumerateDirectories())
        {
            CopyTree(directory, new DirectoryInfo(Path.Combine(target.FullName, directory.Name)));
        }
    }
}
