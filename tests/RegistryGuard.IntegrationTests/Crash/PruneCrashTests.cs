using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Pruning;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Crash;

/// <summary>
/// SIGKILL of the real CLI in the middle of <c>prune --root --apply</c> (the filesystem executor): the issue's
/// 17-tag repository copied 30 times, so the prune has hundreds of journaled link removals to be killed in.
/// </summary>
public sealed class PruneCrashTests(ITestOutputHelper output)
{
    private const int Copies = 30;
    private const int Seed = 8;
    private const int Kills = 8;

    [Fact]
    public async Task Prune_killed_at_seeded_points_never_loses_a_kept_tag_and_undo_or_a_rerun_leaves_the_store_consistent()
    {
        await using var r = await PruneRegistry.StartAsync();
        var v2 = r.Registry.V2Root;
        r.Scenario.SetPushTimesOnDisk(v2);
        var copies = RepositoryCopies.Make(v2, PruneScenario.Repository, PruneScenario.Repository, Copies);
        var repositories = Path.Combine(v2, "repositories");
        var before = StorageSnapshot.TakeExact(repositories);
        var blobs = StorageSnapshot.Take(Path.Combine(v2, "blobs"));
        var kept = r.Scenario.ExpectedKeptTags.ToHashSet(StringComparer.Ordinal);
        var keptTags = CrashInvariants.Tags(before, kept.Contains);
        string Journal(string name) => Path.Combine(r.Registry.RootDirectory, $"{name}.jsonl");
        string[] Prune(string journal) => ["prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--apply", "--journal", journal, "--output", "json"];

        // One unkilled run tells where the work lies; its undo must be exact, modification times included
        // (they are the push times prune ranks by).
        var schedule = await KillSchedule.MeasureAsync(Journal("measure"), Prune(Journal("measure")));
        Assert.Equal(0, schedule.ExitCode);
        var removals = CrashInvariants.Describe(Journal("measure"));
        await CrashInvariants.UndoAsync(Journal("measure"));
        Assert.Equal(before, StorageSnapshot.TakeExact(repositories));
        output.WriteLine($"unkilled run: journal from {schedule.WorkStarts.TotalSeconds:F2}s to its end record at {schedule.WorkEnds.TotalSeconds:F2}s, exit after {schedule.Ends.TotalSeconds:F2}s, {removals}");

        var points = schedule.Points(Seed, Kills);
        for (var i = 0; i < points.Count; i++)
        {
            var journal = Journal($"kill-{i}");
            var killed = await KillSchedule.RunAndKillAsync(points[i], Prune(journal));

            CrashInvariants.AssertEveryLinkIsWhole(v2);
            var emptied = await AssertConsistentAsync(r, keptTags, kept, blobs);
            output.WriteLine($"kill {i} at {points[i].TotalSeconds:F2}s ({(killed ? "mid-run" : "after exit")}): {CrashInvariants.Describe(journal)}, "
                + $"{emptied} pruned tag directories left without their link");

            await CrashInvariants.UndoAsync(journal);
            Assert.Equal(before, StorageSnapshot.TakeExact(repositories));
        }

        // Killed, then run again: the second run prunes the rest under its own journal.
        var interrupted = Journal("interrupted");
        await schedule.RunAndKillMidWorkAsync(interrupted, Prune(interrupted));
        output.WriteLine($"interrupted run: {CrashInvariants.Describe(interrupted)}");
        var reused = await CliRunner.RunAsync(Prune(interrupted));
        Assert.Equal(2, reused.ExitCode);
        Assert.Contains($"registryguard undo --journal {interrupted}", reused.StandardError, StringComparison.Ordinal);

        var rerun = await CliRunner.RunAsync(Prune(Journal("rerun")));
        Assert.True(rerun.ExitCode == 0, rerun.Combined);
        Assert.Equal(0, await AssertConsistentAsync(r, keptTags, kept, blobs));
        await r.AssertScanCleanAsync();
        Assert.Empty(CrashInvariants.Temporaries(v2));
        var pruned = r.Scenario.Tags.Select(t => t.Tag).Where(t => !kept.Contains(t)).ToList();
        Assert.All(copies.Prepend(PruneScenario.Repository), repository => Assert.All(pruned, tag =>
            Assert.False(Directory.Exists(RegistryGuard.Storage.StoragePaths.TagDirectory(v2, repository, tag)), $"{repository}:{tag}")));
        await r.Registry.RestartAsync();
        Assert.Equal(kept.Order(StringComparer.Ordinal), (await r.TagsAsync()).Order(StringComparer.Ordinal));
        await r.AssertPullsAsync(["latest", "1.13", "1.2"]);
        var copy = await Skopeo.PullAllAsync(r.Registry.HostPort, $"{copies[^1]}:1.12");
        Assert.True(copy.ExitCode == 0, copy.Combined);

        // Both journals undone, newest first: every tag back, with its push time.
        await CrashInvariants.UndoAsync(Journal("rerun"));
        await CrashInvariants.UndoAsync(interrupted);
        Assert.Equal(before, StorageSnapshot.TakeExact(repositories));
    }

    /// <summary>
    /// Storage as a killed prune leaves it: every kept tag as it was (bytes and push time), blobs untouched, and
    /// the scan finds nothing but, possibly, the tag directory of a tag being pruned when the kill came between
    /// its last link and the directory (the registry lists that tag and answers 404; undo or a re-run clears it).
    /// Returns how many such directories there are.
    /// </summary>
    private static async Task<int> AssertConsistentAsync(PruneRegistry r, SortedDictionary<string, string> keptTags, HashSet<string> kept, SortedDictionary<string, string> blobs)
    {
        var v2 = r.Registry.V2Root;
        CrashInvariants.AssertBlobDataUnchanged(v2, blobs);
        Assert.Equal(keptTags, CrashInvariants.Tags(StorageSnapshot.TakeExact(Path.Combine(v2, "repositories")), kept.Contains));
        var scan = await CliRunner.RunAsync("scan", "--root", r.Registry.StorageRoot, "--output", "json");
        var failures = JsonReport.Parse(scan.StandardOutput).Failures.ToList();
        Assert.All(failures, f => Assert.True(f.Kind == "missing_tag_link" && !kept.Contains(f.Tag!), scan.StandardOutput));
        return failures.Count;
    }
}
