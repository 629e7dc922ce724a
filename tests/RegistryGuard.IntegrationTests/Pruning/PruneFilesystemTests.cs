using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.IntegrationTests.Pruning;

/// <summary>prune --root: what a pull-through cache (DELETE → 405) needs. Link files only, journaled, undoable.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class PruneFilesystemTests
{
    [Fact]
    public async Task Filesystem_executor_on_a_proxy_style_repository_keeps_kept_tags_and_undo_is_exact()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var v2 = r.Registry.V2Root;
        scenario.SetPushTimesOnDisk(v2);
        // Proxy-style partial index: nobody pulled the arm64 platform of the old 1.1 through the cache.
        var unpulled = scenario.Build[1].Children[2];
        Directory.Delete(Path.GetDirectoryName(StoragePaths.RevisionLink(v2, PruneScenario.Repository, unpulled.Digest))!, recursive: true);
        File.Delete(StoragePaths.BlobData(v2, unpulled.Digest));
        var repositories = Path.Combine(v2, "repositories");
        var before = StorageSnapshot.Take(repositories);
        var blobsBefore = StorageSnapshot.BlobCount(v2);
        var journal = Path.Combine(r.Registry.RootDirectory, "prune.jsonl");

        var result = await CliRunner.RunAsync("prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--apply", "--journal", journal, "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = PruneJson.Parse(result.StandardOutput);
        Assert.Equal(scenario.ExpectedPrunedTags.Order(StringComparer.Ordinal), report.Tags.Where(t => t.Value.Action == "delete").Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(
            scenario.ExpectedDeletedManifests.Where(m => m.Digest != unpulled.Digest).Select(m => m.Digest.ToString()).Order(StringComparer.Ordinal),
            report.DeletedManifests.Order(StringComparer.Ordinal));
        Assert.False(report.Summary.GetProperty("bytes_are_upper_bound").GetBoolean());
        Assert.Equal(blobsBefore, StorageSnapshot.BlobCount(v2)); // blob data is never touched
        Assert.False(Directory.Exists(StoragePaths.TagDirectory(v2, PruneScenario.Repository, "1.1")));

        await r.Registry.RestartAsync();
        await r.AssertPullsAsync(scenario.RegularTags.Intersect(scenario.ExpectedKeptTags));
        Assert.Equal(scenario.ExpectedKeptTags.Order(StringComparer.Ordinal), (await r.TagsAsync()).Order(StringComparer.Ordinal));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => r.Client.ResolveAsync(PruneScenario.Repository, "1.3", CancellationToken.None));

        var undo = JournalUndo.Undo(journal);

        Assert.Empty(undo.Conflicts);
        Assert.Equal(before, StorageSnapshot.Take(repositories));
        await r.Registry.RestartAsync();
        await r.AssertPullsAsync(["1.3", "tools-1"]);
    }

    [Fact]
    public async Task Filesystem_dry_run_changes_nothing()
    {
        await using var r = await PruneRegistry.StartAsync();
        r.Scenario.SetPushTimesOnDisk(r.Registry.V2Root);
        var before = StorageSnapshot.Take(r.Registry.StorageRoot);

        var result = await CliRunner.RunAsync("prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Equal(before, StorageSnapshot.Take(r.Registry.StorageRoot));
        Assert.Equal(8, PruneJson.Parse(result.StandardOutput).DeletedManifests.Count);
    }
}
