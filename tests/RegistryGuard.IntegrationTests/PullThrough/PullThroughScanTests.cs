using System.Text.Json.Nodes;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>
/// scan --pull-through on the storage of a real cache (distribution's proxy mode) holding what clients pulled: the
/// partial indexes and on-demand layers of a cache are normal; cached content that is broken is a failure whether the
/// upstream answers or not.
/// </summary>
public sealed class PullThroughScanTests
{
    private static async Task<JsonReport> ScanAsync(PullThroughRig rig, int expectedExit, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["scan", "--root", rig.Cache.StorageRoot, "--pull-through", "--output", "json", .. extra]);
        Assert.True(result.ExitCode == expectedExit, result.Combined);
        return JsonReport.Parse(result.StandardOutput);
    }

    private static async Task PullEverythingOnAmd64Async(PullThroughRig rig)
    {
        await rig.PullThroughCacheAsync("demo/app:1.1");
        await rig.PullThroughCacheAsync("demo/tools:stable");
        await rig.PullThroughCacheAsync("team/api/server:2026.04");
    }

    [Fact]
    public async Task Broken_cached_content_is_a_failure_with_the_upstream_up_or_down_and_a_healthy_partial_cache_is_clean()
    {
        await using var rig = await PullThroughRig.StartAsync();
        await PullEverythingOnAmd64Async(rig);
        await rig.SettledCacheStorageAsync();

        var healthy = await ScanAsync(rig, 0, "--deep");

        Assert.All(healthy.Findings, f => Assert.Equal("info", f.Severity));
        Assert.Contains(healthy.Findings, f => f.Kind == "orphaned_child"); // the arm64 platform nobody pulled

        var v2 = rig.Cache.V2Root;
        var truncated = rig.Content.SharedAmd64.Blobs[^1].Digest; // demo/app's own layer
        var corrupt = rig.Content.Tools.Blobs[^1].Digest;
        var dangling = rig.Content.Server.Children[0].Blobs[^1].Digest;
        Breakage.TruncateBlob(v2, truncated);
        Breakage.CorruptBlobSameSize(v2, corrupt);
        Breakage.DeleteBlobData(v2, dangling);
        var broken = new[] { truncated, corrupt, dangling }.Select(d => d.ToString()).ToHashSet();

        var upstreamUp = await ScanAsync(rig, 1, "--deep");
        rig.Upstream.Stop();
        var upstreamDown = await ScanAsync(rig, 1, "--deep");

        foreach (var report in new[] { upstreamUp, upstreamDown })
        {
            Assert.Contains(report.Failures, f => (f.Kind, f.Repository, f.Digest) == ("size_mismatch", "demo/app", truncated.ToString()));
            Assert.Contains(report.Failures, f => (f.Kind, f.Digest) == ("corrupt_blob", corrupt.ToString()));
            Assert.Contains(report.Failures, f => (f.Kind, f.Repository, f.Digest) == ("dangling_layer_link", "team/api/server", dangling.ToString()));
            Assert.All(report.Failures, f => Assert.Contains(f.Digest!, broken));
            Assert.DoesNotContain(report.Findings, f => f.Severity == "warning");
        }

        Assert.Equal(upstreamUp.Findings, upstreamDown.Findings);
        var pull = await rig.PullAsync("team/api/server:2026.04");
        Assert.NotEqual(0, pull.ExitCode); // what the dangling link means for a client while the upstream is down
    }

    [Fact]
    public async Task Scan_fix_removes_a_dangling_layer_link_and_the_next_pull_through_the_cache_fetches_the_blob_again()
    {
        await using var rig = await PullThroughRig.StartAsync();
        await rig.PullThroughCacheAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();
        var layer = rig.Content.SharedAmd64.Blobs[^1].Digest;
        Breakage.DeleteBlobData(rig.Cache.V2Root, layer);
        var journal = Path.Combine(rig.Cache.RootDirectory, "fix.jsonl");

        var dryRun = await ScanAsync(rig, 1);
        var fix = await ScanAsync(rig, 0, "--fix", "--journal", journal);

        var failure = Assert.Single(dryRun.Failures);
        Assert.Equal(("dangling_layer_link", layer.ToString(), (bool?)true), (failure.Kind, failure.Digest, failure.Repairable));
        Assert.Equal(1, fix.SummaryInt("repairs_made"));
        Assert.False(File.Exists(StoragePaths.LayerLink(rig.Cache.V2Root, "demo/app", layer)));
        Assert.True(File.Exists(journal));

        var pull = await rig.PullAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();
        var after = await ScanAsync(rig, 0, "--deep");

        Assert.True(pull.ExitCode == 0, pull.Combined);
        Assert.Equal(layer, Digest.Sha256Of(await File.ReadAllBytesAsync(StoragePaths.BlobData(rig.Cache.V2Root, layer))));
        Assert.True(File.Exists(StoragePaths.LayerLink(rig.Cache.V2Root, "demo/app", layer)));
        Assert.Empty(after.Failures);
    }

    [Fact]
    public async Task A_truncated_cached_layer_is_fetched_again_once_its_data_file_is_moved_out_not_when_only_its_link_goes()
    {
        // The runbook's manual fix for size_mismatch / corrupt_blob in a cache (RegistryGuard never deletes blob data):
        // 2.8.2 re-links but keeps existing data when it re-fetches, so only moving the data out makes it store good bytes.
        await using var rig = await PullThroughRig.StartAsync();
        await rig.PullThroughCacheAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();
        var v2 = rig.Cache.V2Root;
        var layer = rig.Content.SharedAmd64.Blobs[^1].Digest;
        Breakage.TruncateBlob(v2, layer);
        File.Delete(StoragePaths.LayerLink(v2, "demo/app", layer));

        await rig.PullAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();
        var linkOnly = await ScanAsync(rig, 1);

        Assert.Equal(0, new FileInfo(StoragePaths.BlobData(v2, layer)).Length);
        Assert.Contains(linkOnly.Failures, f => (f.Kind, f.Digest) == ("size_mismatch", layer.ToString()));

        var quarantine = Path.Combine(rig.Cache.RootDirectory, "quarantined-" + layer.Hex);
        File.Move(StoragePaths.BlobData(v2, layer), quarantine);
        await rig.PullThroughCacheAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();

        Assert.Equal(layer, Digest.Sha256Of(await File.ReadAllBytesAsync(StoragePaths.BlobData(v2, layer))));
        Assert.Empty((await ScanAsync(rig, 0, "--deep")).Failures);
    }

    [Fact]
    public async Task A_manifest_the_caches_ttl_expired_is_informational_and_the_next_pull_fetches_it_again()
    {
        await using var rig = await PullThroughRig.StartAsync();
        await rig.PullThroughCacheAsync("demo/app:1.1");
        await rig.SettledCacheStorageAsync();
        var index = rig.Content.AppV2.Digest;
        ExpireInScheduler(rig.Cache.StorageRoot, $"demo/app@{index}");

        await rig.Cache.RestartAsync(); // the scheduler reads its state at start and runs what is overdue
        var revision = StoragePaths.RevisionLink(rig.Cache.V2Root, "demo/app", index);
        for (var attempt = 0; attempt < 300 && File.Exists(revision); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.False(File.Exists(revision), "the cache's TTL scheduler did not expire the index");
        var expired = await ScanAsync(rig, 0);
        var tag = Assert.Single(expired.Findings, f => f.Kind == "dangling_tag_link");
        Assert.Equal(("demo/app", "1.1", "info"), (tag.Repository, tag.Tag, tag.Severity));
        Assert.All(expired.Findings, f => Assert.Equal("info", f.Severity));

        await rig.PullThroughCacheAsync("demo/app:1.1");

        Assert.True(File.Exists(revision));
        Assert.DoesNotContain((await ScanAsync(rig, 0)).Findings, f => f.Kind == "dangling_tag_link");
    }

    /// <summary>Sets one entry of distribution's proxy TTL state (written 7 days ahead) to a time long past.</summary>
    private static void ExpireInScheduler(string storageRoot, string key)
    {
        var path = Path.Combine(storageRoot, "scheduler-state.json");
        var state = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var entry = state[key]?.AsObject() ?? throw new InvalidOperationException($"no scheduler entry {key} in {path}");
        entry["ExpiryData"] = "2001-01-01T00:00:00Z";
        File.WriteAllText(path, state.ToJsonString());
    }
}
