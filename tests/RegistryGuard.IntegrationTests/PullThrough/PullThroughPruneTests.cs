using System.Text.Json;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>prune --root on a real pull-through cache (it answers DELETE with 405, so storage is the only way).</summary>
public sealed class PullThroughPruneTests
{
    [Fact]
    public async Task Every_tag_prune_keeps_on_a_cache_still_pulls_through_it_with_the_upstream_down()
    {
        await using var rig = await PullThroughRig.StartAsync();
        string[] pulled = ["demo/app:1.0", "demo/app:1.1", "demo/app:latest", "demo/tools:stable", "team/api/server:2026.04"];
        foreach (var reference in pulled)
        {
            await rig.PullThroughCacheAsync(reference);
        }

        var before = await rig.SettledCacheStorageAsync();
        var journal = Path.Combine(rig.Cache.RootDirectory, "prune.jsonl");

        var prune = await CliRunner.RunAsync("prune", "--root", rig.Cache.StorageRoot, "--keep", "1", "--apply", "--journal", journal, "--output", "json");

        Assert.True(prune.ExitCode == 0, prune.Combined);
        var decisions = TagDecisions(prune.StandardOutput);
        var kept = decisions.Where(d => d.Action == "keep").Select(d => d.Reference).ToList();
        var pruned = decisions.Where(d => d.Action == "delete").Select(d => d.Reference).ToList();
        Assert.Equal(pulled.Order(StringComparer.Ordinal), kept.Concat(pruned).Order(StringComparer.Ordinal));
        Assert.Equal(["demo/app:1.0"], pruned); // the oldest pull of demo/app; latest is protected
        var after = StorageSnapshot.TakeExact(rig.Cache.StorageRoot);
        Assert.Equal(CacheStorage.Blobs(before), CacheStorage.Blobs(after)); // link files only: blob data is never deleted

        rig.Upstream.Stop();

        foreach (var reference in kept)
        {
            var pull = await rig.PullAsync(reference);
            Assert.True(pull.ExitCode == 0, $"{reference}: {pull.Combined}");
        }

        Assert.NotEqual(0, (await rig.PullAsync("demo/app:1.0")).ExitCode); // gone from the cache, and the upstream is down
        var scan = await CliRunner.RunAsync("scan", "--root", rig.Cache.StorageRoot, "--pull-through", "--output", "json");
        Assert.True(scan.ExitCode == 0, scan.Combined);
    }

    private static List<(string Reference, string Action)> TagDecisions(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("repositories").EnumerateArray().SelectMany(repository =>
            repository.GetProperty("tags").EnumerateArray().Select(tag => (
                $"{repository.GetProperty("repository").GetString()}:{tag.GetProperty("tag").GetString()}",
                tag.GetProperty("action").GetString()!)))];
    }
}
