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
    /// <returns>The facts, and the wall time of each step (the lanes run side by side).</returns>
    public static async Task<(CorpusFacts Facts, IReadOnlyDictionary<string, TimeSpan> Timings)> RunAsync(LocalRegistry registry, string workDirectory)
    {
        var clock = Stopwatch.StartNew();
        var timings = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>();
        var facts = new CorpusFacts();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url) { Concurrency = 8 });
        var session = new CorpusSession(client, facts);
        var salt = Guid.NewGuid().ToString("N");
        await Task.WhenAll(
            Timed(timings, "buildah + skopeo sync", () => Buildah.PushAsync(registry.HostPort, workDirectory, salt)),
            Timed(timings, "umoci + skopeo", () => UmociSkopeo.PushAsync(registry.HostPort, workDirectory, salt)),
            Timed(timings, "crafted images", () => InOrder(session, BuildxImages.PushAsync, DockerImages.PushAsync, LayoutShapes.PushAsync, OddJson.PushAsync)),
            Timed(timings, "crafted artifacts", () => InOrder(session, Cosign.PushAsync, Referrers.PushAsync, Artifacts.PushAsync, BuildKitCache.PushAsync)),
            Timed(timings, "names, history, 260 tags", () => InOrder(session, Names.PushAsync, History.PushAsync, Scale.PushCiAsync)),
            Timed(timings, "110 repositories", () => Scale.PushFleetAsync(session)));

        await AbandonedUploads.LeaveAsync(registry);
        var gcClock = Stopwatch.StartNew();
        var gc = await registry.GarbageCollectAsync();
        timings["garbage-collect"] = gcClock.Elapsed;
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
        timings["total"] = clock.Elapsed;
        return (facts, timings);
    }

    private static async Task Timed(System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan> timings, string lane, Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        timings[lane] = clock.Elapsed;
    }

    private static async Task InOrder(CorpusSession session, params Func<CorpusSession, Task>[] families)
    {
        foreach (var family in families)
        {
            await family(session);
        }
    }
}
