using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Edges;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Pruning;

/// <summary>prune over the API against a real docker-registry, confirmed by skopeo pulls, the probe and real GC.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class PruneApiTests
{
    [Fact]
    public async Task Dry_run_changes_nothing_and_its_plan_is_exactly_the_expected_one()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var before = StorageSnapshot.Take(r.Registry.StorageRoot);

        var result = await CliRunner.RunAsync("prune", "--registry", r.Url, "--keep", "10", "--dry-run", "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Equal(before, StorageSnapshot.Take(r.Registry.StorageRoot));
        var plan = PruneJson.Parse(result.StandardOutput);
        Assert.Equal(scenario.ExpectedPrunedTags.Order(StringComparer.Ordinal), plan.Tags.Where(t => t.Value.Action == "delete").Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(scenario.ExpectedKeptTags.Order(StringComparer.Ordinal), plan.Tags.Where(t => t.Value.Action == "keep").Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.Equal(17, plan.Tags.Count);
        Assert.StartsWith("kept: shares digest with kept tag latest", plan.Tags["1.2"].Reason, StringComparison.Ordinal);
        Assert.StartsWith("protected", plan.Tags["latest"].Reason, StringComparison.Ordinal);
        Assert.StartsWith("attached to", plan.Tags[PruneScenario.SignatureTag(scenario.Build[5])].Reason, StringComparison.Ordinal);
        Assert.Equal(
            scenario.ExpectedDeletedManifests.Select(m => m.Digest.ToString()).Order(StringComparer.Ordinal),
            plan.DeletedManifests.Order(StringComparer.Ordinal));
        Assert.Equal(scenario.Build[1].Digest.ToString(), plan.DeletedManifests.First(d => d == scenario.Build[1].Digest.ToString() || d == scenario.Build[1].Children[2].Digest.ToString()));
        var reclaimable = scenario.ExpectedReclaimable();
        Assert.Equal(reclaimable.Values.Sum(), plan.SummaryLong("bytes_reclaimable"));
        Assert.Equal(reclaimable.Count, plan.SummaryLong("blobs_reclaimable"));
        Assert.Equal(4, plan.SummaryLong("tags_pruned"));
        Assert.Equal(8, plan.SummaryLong("manifests_to_delete"));
        Assert.True(plan.Summary.GetProperty("bytes_are_upper_bound").GetBoolean());
    }

    [Fact]
    public async Task Applied_then_plain_garbage_collect_keeps_every_kept_tag_pullable_and_storage_shrinks()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var blobsBefore = StorageSnapshot.BlobCount(r.Registry.V2Root);
        var backup = Path.Combine(r.Registry.RootDirectory, "backup");

        var result = await CliRunner.RunAsync("prune", "--registry", r.Url, "--keep", "10", "--apply", "--backup", backup, "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = PruneJson.Parse(result.StandardOutput);
        Assert.Equal(8, report.SummaryLong("manifests_deleted"));
        Assert.Equal(4, report.SummaryLong("tags_deleted"));
        Assert.Equal(0, report.SummaryLong("skipped"));
        Assert.Contains("never --delete-untagged", result.StandardOutput, StringComparison.OrdinalIgnoreCase);

        var gc = await r.Registry.GarbageCollectAsync();
        Assert.True(gc.ExitCode == 0, gc.Combined);
        await r.Registry.RestartAsync();

        Assert.Equal(blobsBefore - scenario.ExpectedReclaimable().Count, StorageSnapshot.BlobCount(r.Registry.V2Root));
        var tags = await r.TagsAsync();
        Assert.Equal(scenario.ExpectedKeptTags.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));
        await r.AssertPullsAsync(scenario.RegularTags.Intersect(scenario.ExpectedKeptTags));
        Assert.Equal(scenario.Tags.Single(t => t.Tag == PruneScenario.SignatureTag(scenario.Build[5])).Artifact.Digest,
            await r.Client.ResolveAsync(PruneScenario.Repository, PruneScenario.SignatureTag(scenario.Build[5]), CancellationToken.None));
        await r.AssertProbeCleanAsync();
        await r.AssertScanCleanAsync();
    }

    [Fact]
    public async Task Gc_command_runs_the_registry_garbage_collector_after_apply()
    {
        await using var r = await PruneRegistry.StartAsync();
        var blobsBefore = StorageSnapshot.BlobCount(r.Registry.V2Root);
        var gc = $"'{RequiredTool.Path("docker-registry")}' garbage-collect '{r.Registry.ConfigPath}'";

        var result = await CliRunner.RunAsync("prune", "--registry", r.Url, "--keep", "10", "--apply",
            "--backup", Path.Combine(r.Registry.RootDirectory, "backup"), "--gc-command", gc);

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Contains("--gc-command exited 0", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(blobsBefore - r.Scenario.ExpectedReclaimable().Count, StorageSnapshot.BlobCount(r.Registry.V2Root));
    }

    [Fact]
    public async Task The_naive_cleanup_script_on_the_same_setup_breaks_kept_tags()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;

        // cleanup-tags.sh on 2.8, per the post-mortem: rmtree the pruned tags, and with them their children's revision links.
        foreach (var (tag, artifact) in new[] { ("tools-1", scenario.Tools), ("1.1", scenario.Build[1]), ("1.3", scenario.Build[3]) })
        {
            Breakage.RemoveTagLikeCleanupScript(r.Registry.V2Root, PruneScenario.Repository, tag, artifact);
        }

        var probe = await CliRunner.RunAsync("probe", "--registry", r.Url, "--output", "json");

        Assert.Equal(1, probe.ExitCode);
        var failures = JsonReport.Parse(probe.StandardOutput).Failures.Select(f => (f.Kind, f.Tag, f.Parent, f.Digest)).ToList();
        var sharedWithLatest = scenario.Build[1].Children[0].Digest.ToString(); // amd64 of 1.1 and 1.2 (= latest)
        var sharedWith14 = scenario.Build[3].Children[0].Digest.ToString();     // amd64 of 1.3 and 1.4
        Assert.Contains(("missing_manifest", "latest", scenario.Build[2].Digest.ToString(), sharedWithLatest), failures);
        Assert.Contains(("missing_manifest", "1.4", scenario.Build[4].Digest.ToString(), sharedWith14), failures);
        var pull = await Skopeo.PullAllAsync(r.Registry.HostPort, $"{PruneScenario.Repository}:latest");
        Assert.NotEqual(0, pull.ExitCode);
        Assert.Contains("manifest unknown", pull.Combined, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tag_pushed_onto_a_pruned_digest_between_plan_and_apply_is_not_deleted()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var rules = new PruneRules(PrunePolicy.Default with { Keep = 10 });
        var (plan, _) = await PrunePlanning.OverHttpAsync(r.Client, rules, CancellationToken.None);
        Assert.Contains(plan.Repositories.Single().Deletions, d => d.Digest == scenario.Build[3].Digest);

        // The race: a release pipeline tags the old build while the prune is between plan and apply.
        await r.Client.PushManifestAsync(PruneScenario.Repository, "hotfix", scenario.Build[3].Bytes, scenario.Build[3].MediaType, CancellationToken.None);
        var bundle = RestoreBundle.Create(Path.Combine(r.Registry.RootDirectory, "backup"));
        var execution = await new ApiPruneExecutor(r.Client, bundle).ExecuteAsync(plan, CancellationToken.None);

        var raced = new[] { scenario.Build[3], scenario.Build[3].Children[2], scenario.Build[3].Children[3], scenario.Tags.Single(t => t.Tag == PruneScenario.SignatureTag(scenario.Build[3])).Artifact };
        Assert.Equal(raced.Select(m => m.Digest).ToHashSet(), execution.Skipped.Select(s => s.Digest).ToHashSet());
        Assert.Contains("hotfix", execution.Skipped.Single(s => s.Digest == scenario.Build[3].Digest).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(execution.Skipped, s => s.Failed);
        Assert.Equal(
            scenario.ExpectedDeletedManifests.Except(raced).Select(m => m.Digest).ToHashSet(),
            execution.Deleted.Select(d => d.Digest).ToHashSet());
        await r.AssertPullsAsync(["hotfix", "1.3", "1.4"]);
        Assert.Equal(execution.Deleted.Count, bundle.Entries.Count(e => e.Deleted));
    }

    [Theory]
    [InlineData("new-tag")]
    [InlineData("moved-tag")]
    public async Task A_push_racing_a_single_delete_is_caught_by_the_check_just_before_it(string race)
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var (plan, _) = await PrunePlanning.OverHttpAsync(r.Client, new PruneRules(PrunePolicy.Default with { Keep = 10 }), CancellationToken.None);
        var target = scenario.Build[3];
        var pushed = false;
        var executor = new ApiPruneExecutor(r.Client, RestoreBundle.Create(Path.Combine(r.Registry.RootDirectory, "backup")))
        {
            // After the start-of-apply check, right before the delete of 1.3's index.
            BeforeRaceCheck = async digest =>
            {
                if (digest == target.Digest && !pushed)
                {
                    pushed = true;
                    var (tag, artifact) = race == "new-tag" ? ("hotfix", target) : ("1.3", scenario.Build[5]);
                    await r.Client.PushManifestAsync(PruneScenario.Repository, tag, artifact.Bytes, artifact.MediaType, CancellationToken.None);
                }
            },
        };

        var execution = await executor.ExecuteAsync(plan, CancellationToken.None);

        Assert.True(pushed);
        var skip = Assert.Single(execution.Skipped, s => s.Digest == target.Digest);
        Assert.Contains(race == "new-tag" ? "new tag hotfix points at it" : "tag 1.3 moved to", skip.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(execution.Deleted, d => target.SelfAndDescendants().Any(m => m.Digest == d.Digest));
        await r.AssertPullsAsync(race == "new-tag" ? ["hotfix", "1.3"] : ["1.3", "1.5"]);
    }

    [Fact]
    public async Task Restore_brings_back_pruned_tags_before_garbage_collect()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var backup = Path.Combine(r.Registry.RootDirectory, "backup");
        var prune = await CliRunner.RunAsync("prune", "--registry", r.Url, "--keep", "10", "--apply", "--backup", backup);
        Assert.True(prune.ExitCode == 0, prune.Combined);
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => r.Client.ResolveAsync(PruneScenario.Repository, "1.1", CancellationToken.None));

        var restore = await CliRunner.RunAsync("restore", "--backup", backup, "--registry", r.Url);

        Assert.True(restore.ExitCode == 0, restore.Combined);
        Assert.Contains("restored 8 manifests and 4 tags", restore.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(scenario.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal), (await r.TagsAsync()).Order(StringComparer.Ordinal));
        await r.AssertPullsAsync(["1.1", "1.3", "tools-1"]);
        await r.AssertProbeCleanAsync();
    }

    [Fact]
    public async Task Restore_against_a_registry_that_refuses_connections_is_exit_3_in_one_line_and_the_bundle_still_restores_later()
    {
        await using var r = await PruneRegistry.StartAsync();
        var backup = Path.Combine(r.Registry.RootDirectory, "backup");
        var prune = await CliRunner.RunAsync("prune", "--registry", r.Url, "--keep", "10", "--apply", "--backup", backup);
        Assert.True(prune.ExitCode == 0, prune.Combined);

        var refused = await CliRunner.RunAsync("restore", "--backup", backup, "--registry", "http://127.0.0.1:1", "--retries", "0");

        Assert.Equal(ExitCodes.RegistryUnavailable, refused.ExitCode);
        Assert.Equal("", refused.StandardOutput);
        Assert.Contains("http://127.0.0.1:1", OneLineErrors.Single(refused), StringComparison.Ordinal);

        var restore = await CliRunner.RunAsync("restore", "--backup", backup, "--registry", r.Url);
        Assert.True(restore.ExitCode == 0, restore.Combined);
        Assert.Contains("restored 8 manifests and 4 tags", restore.StandardOutput, StringComparison.Ordinal);
    }
}
