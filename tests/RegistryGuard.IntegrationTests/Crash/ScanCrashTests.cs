using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Storage;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Crash;

/// <summary>
/// SIGKILL of the real CLI in the middle of <c>scan --fix</c> on a real registry's storage: the post-mortem
/// breakage copied into 100 repositories, so the fix has hundreds of journaled link writes to be killed in.
/// </summary>
public sealed class ScanCrashTests(ITestOutputHelper output)
{
    private const int Copies = 100;
    private const int Seed = 8;
    private const int Kills = 8;

    [Fact]
    public async Task Scan_fix_killed_at_seeded_points_never_leaves_a_torn_link_and_undo_or_a_rerun_leaves_the_store_consistent()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        var removed = Breakage.RemoveTagLikeCleanupScript(v2, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);
        var copies = RepositoryCopies.Make(v2, DemoContent.AppRepository, "crash/app", Copies);
        var planned = removed.Count * (Copies + 1);
        var repositories = Path.Combine(v2, "repositories");
        var broken = StorageSnapshot.TakeExact(repositories);
        var blobs = StorageSnapshot.Take(Path.Combine(v2, "blobs"));
        var linksBroken = CrashInvariants.AssertEveryLinkIsWhole(v2);
        var brokenScan = JsonReport.Parse((await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json")).StandardOutput);
        var brokenKinds = brokenScan.Findings.Select(f => f.Kind).ToHashSet();
        Assert.Equal(planned, brokenScan.SummaryInt("repairs_planned"));
        string Journal(string name) => Path.Combine(seeded.Registry.RootDirectory, $"{name}.jsonl");
        string[] Fix(string journal) => ["scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, "--output", "json"];

        // One unkilled run tells where the work lies (and that undo of a whole run is exact).
        var schedule = await KillSchedule.MeasureAsync(Journal("measure"), Fix(Journal("measure")));
        Assert.Equal(0, schedule.ExitCode);
        Assert.Equal($"{planned} records, finished", CrashInvariants.Describe(Journal("measure")));
        await CrashInvariants.UndoAsync(Journal("measure"));
        Assert.Equal(broken, StorageSnapshot.TakeExact(repositories));
        output.WriteLine($"unkilled run: journal from {schedule.WorkStarts.TotalSeconds:F2}s to its end record at {schedule.WorkEnds.TotalSeconds:F2}s, exit after {schedule.Ends.TotalSeconds:F2}s, {planned} link writes");

        var points = schedule.Points(Seed, Kills);
        for (var i = 0; i < points.Count; i++)
        {
            var journal = Journal($"kill-{i}");
            var killed = await KillSchedule.RunAndKillAsync(points[i], Fix(journal));

            var links = CrashInvariants.AssertEveryLinkIsWhole(v2);
            var temporaries = CrashInvariants.Temporaries(v2).Count;
            output.WriteLine($"kill {i} at {points[i].TotalSeconds:F2}s ({(killed ? "mid-run" : "after exit")}): {CrashInvariants.Describe(journal)}, {links - linksBroken} links written, {temporaries} temporary files left");
            await AssertConsistentAsync(seeded, broken, blobs, brokenKinds, planned - (links - linksBroken));

            await CrashInvariants.UndoAsync(journal);
            Assert.Equal(broken, StorageSnapshot.TakeExact(repositories));
        }

        // Killed, then simply run again: the second run finishes the repair under its own journal.
        var interrupted = Journal("interrupted");
        await schedule.RunAndKillMidWorkAsync(interrupted, Fix(interrupted));
        output.WriteLine($"interrupted run: {CrashInvariants.Describe(interrupted)}");
        var reused = await CliRunner.RunAsync(Fix(interrupted));
        Assert.Equal(2, reused.ExitCode);
        Assert.Contains($"registryguard undo --journal {interrupted}", reused.StandardError, StringComparison.Ordinal);

        var rerun = await CliRunner.RunAsync(Fix(Journal("rerun")));
        Assert.True(rerun.ExitCode == 0, rerun.Combined);
        CrashInvariants.AssertEveryLinkIsWhole(v2);
        Assert.Empty(CrashInvariants.Temporaries(v2));
        CrashInvariants.AssertBlobDataUnchanged(v2, blobs);
        var clean = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        Assert.True(clean.ExitCode == 0, clean.Combined);
        Assert.Equal(0, JsonReport.Parse(clean.StandardOutput).SummaryInt("repairs_planned"));
        await seeded.Registry.RestartAsync();
        foreach (var reference in new[] { "demo/app:latest", $"{copies[0]}:1.1", $"{copies[^1]}:latest" })
        {
            var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, reference);
            Assert.True(pull.ExitCode == 0, $"{reference}: {pull.Combined}");
        }

        // Both journals undone, newest first: the tree is exactly as before either run.
        await CrashInvariants.UndoAsync(Journal("rerun"));
        await CrashInvariants.UndoAsync(interrupted);
        Assert.Equal(broken, StorageSnapshot.TakeExact(repositories));
        Assert.All(removed, d => Assert.False(File.Exists(StoragePaths.RevisionLink(v2, copies[0], d))));
    }

    /// <summary>Storage as a killed fix leaves it: tags and blobs untouched, and the scan sees only the repairs still to make.</summary>
    private static async Task AssertConsistentAsync(SeededRegistry seeded, SortedDictionary<string, string> broken, SortedDictionary<string, string> blobs, HashSet<string> brokenKinds, int stillToRepair)
    {
        var v2 = seeded.Registry.V2Root;
        CrashInvariants.AssertBlobDataUnchanged(v2, blobs);
        Assert.Equal(CrashInvariants.Tags(broken, _ => true), CrashInvariants.Tags(StorageSnapshot.TakeExact(Path.Combine(v2, "repositories")), _ => true));
        var scan = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        var report = JsonReport.Parse(scan.StandardOutput);
        Assert.Subset(brokenKinds, report.Findings.Select(f => f.Kind).ToHashSet()); // a temporary file is never taken for a link
        Assert.Equal(stillToRepair, report.SummaryInt("repairs_planned"));
    }
}
