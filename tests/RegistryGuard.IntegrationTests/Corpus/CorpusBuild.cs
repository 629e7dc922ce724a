using System.Diagnostics;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Clients;
using RegistryGuard.IntegrationTests.Corpus.Families;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// Fills a registry the way years of real use do. Real clients (buildah, umoci + skopeo) and the crafted families push
/// side by side; then uploads are abandoned, the registry's own plain garbage-collect runs (sweeping the emptied
/// repository's blobs), and the storage root gets the <c>lost+found</c> a freshly made ext4 volume has.
/// </summary>
internal static class CorpusBuild
{
    public static async Task<(CorpusFacts Facts, TimeSpan Elapsed)> RunAsync(LocalRegistry registry, string workDirectory)
    {
        var clock = Stopwatch.StartNew();
        var facts = new CorpusFacts();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Concurrency = 8 });
        var session = new CorpusSession(client, facts);
        var salt = Guid.NewGuid().ToString("N");
        await Task.WhenAll(
            Buildah.PushAsync(registry.HostPort, workDirectory, salt),
            UmociSkopeo.PushAsync(registry.HostPort, workDirectory, salt),
            InOrder(session, BuildxImages.PushAsync, DockerImages.PushAsync, LayoutShapes.PushAsync, OddJson.PushAsync),
            InOrder(session, Cosign.PushAsync, Referrers.PushAsync, Artifacts.PushAsync, BuildKitCache.PushAsync),
            InOrder(session, Names.PushAsync, History.PushAsync, Scale.PushCiAsync),
            Scale.PushFleetAsync(session));

        await AbandonedUploads.LeaveAsync(registry);
        var gc = await registry.GarbageCollectAsync();
        if (gc.ExitCode != 0)
        {
            throw new InvalidOperationException($"garbage-collect failed on the corpus: {gc.Combined}");
        }

        var lostFound = Directory.CreateDirectory(Path.Combine(registry.StorageRoot, "lost+found"));
        if (!OperatingSystem.IsWindows())
        {
            lostFound.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        await File.WriteAllBytesAsync(Path.Combine(lostFound.FullName, "#131075"), Content.Layers.Random("lost+found", 4096));
        return (facts, clock.Elapsed);
    }

    private static async Task InOrder(CorpusSession session, params Func<CorpusSession, Task>[] families)
    {
        foreach (var family in families)
        {
            await family(session);
        }
    }
}
