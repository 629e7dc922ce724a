using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Scanning;

/// <summary>Breaks a real docker-registry's storage as the incidents did, then scans, repairs and undoes with the real CLI.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ScanIncidentTests
{
    [Fact]
    public async Task Healthy_storage_scans_clean_with_exact_counts()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(seeded.Content.RepositoryCount, report.SummaryInt("repositories"));
        Assert.Equal(seeded.Content.Tags.Count, report.SummaryInt("tags"));
        Assert.Equal(seeded.Content.ManifestCount, report.SummaryInt("revisions"));
        Assert.Equal(seeded.Content.BlobCount, report.SummaryInt("layer_links"));
        Assert.Equal(0, report.SummaryInt("repairs_planned"));
    }

    [Fact]
    public async Task The_v2_directory_itself_is_accepted_as_root_and_deep_hashes_every_blob_once()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("scan", "--root", seeded.Registry.V2Root, "--deep", "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        var uniqueBlobs = seeded.Content.Tags.SelectMany(t => t.Artifact.SelfAndDescendants())
            .Select(m => m.Digest).Concat(seeded.Content.Tags.SelectMany(t => t.Artifact.AllBlobs()).Select(b => b.Digest)).Distinct().Count();
        Assert.Equal(uniqueBlobs, report.SummaryInt("blobs"));
        Assert.Equal(uniqueBlobs, report.SummaryInt("blobs_hashed"));
    }

    [Fact]
    public async Task Post_mortem_orphans_are_repairable_fix_restores_the_pull_and_undo_restores_the_breakage_exactly()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var content = seeded.Content;
        var v2 = seeded.Registry.V2Root;
        var removed = Breakage.RemoveTagLikeCleanupScript(v2, DemoContent.AppRepository, "1.0", content.AppV1);
        var shared = content.AppV2.Children.Select(c => c.Digest).Intersect(removed).Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, shared.Count); // the amd64 child and its attestation
        var broken = StorageSnapshot.Take(Path.Combine(v2, "repositories"));

        // Dry run (the default): every orphan found, each repairable, nothing changed.
        var dryRun = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        Assert.True(dryRun.ExitCode == 1, dryRun.Combined);
        var report = JsonReport.Parse(dryRun.StandardOutput);
        var failures = report.Failures.ToList();
        Assert.All(failures, f => Assert.Equal(("orphaned_child", true, content.AppV2.Digest.ToString()), (f.Kind, f.Repairable == true, f.Parent)));
        Assert.Equal(shared, failures.Select(f => f.Digest!).Order(StringComparer.Ordinal));
        var orphans = report.Findings.Where(f => f.Kind == "orphaned_child").Select(f => f.Digest!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(removed.Select(d => d.ToString()).Order(StringComparer.Ordinal), orphans); // 1.0's own children: warnings (untagged now)
        Assert.Equal(removed.Count, report.SummaryInt("repairs_planned"));
        Assert.Equal(broken, StorageSnapshot.Take(Path.Combine(v2, "repositories")));
        var text = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--dry-run");
        Assert.Contains("would write link repositories/demo/app/_manifests/revisions/sha256/", text.StandardOutput, StringComparison.Ordinal);

        // --fix writes the links back, journaled; the probe and a real client agree it is repaired.
        var journal = Path.Combine(seeded.Registry.RootDirectory, "scan-fix.jsonl");
        var fix = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, "--output", "json");
        Assert.True(fix.ExitCode == 0, fix.Combined);
        Assert.Equal(removed.Count, JsonReport.Parse(fix.StandardOutput).SummaryInt("repairs_made"));
        Assert.Contains(journal, fix.StandardError, StringComparison.Ordinal);
        foreach (var digest in removed)
        {
            Assert.Equal(digest.ToString(), File.ReadAllText(StoragePaths.RevisionLink(v2, DemoContent.AppRepository, digest)));
        }

        var probe = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");
        Assert.True(probe.ExitCode == 0, probe.Combined);
        var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, "demo/app:latest");
        Assert.True(pull.ExitCode == 0, pull.Combined);
        var rescan = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot);
        Assert.True(rescan.ExitCode == 0, rescan.Combined);

        // undo brings the breakage back byte for byte, and the probe fails again.
        var undo = await CliRunner.RunAsync("undo", "--journal", journal);
        Assert.True(undo.ExitCode == 0, undo.Combined);
        Assert.Contains($"{removed.Count} restored", undo.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(broken, StorageSnapshot.Take(Path.Combine(v2, "repositories")));
        var probeAgain = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");
        Assert.Equal(1, probeAgain.ExitCode);
        var undoAgain = await CliRunner.RunAsync("undo", "--journal", journal);
        Assert.Contains("0 restored", undoAgain.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_and_probe_agree_on_the_post_mortem_breakage()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);

        var probe = JsonReport.Parse((await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json")).StandardOutput);
        var scan = JsonReport.Parse((await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json")).StandardOutput);

        var probed = probe.Failures.Select(f => (f.Repository, f.Digest)).ToHashSet();
        var scanned = scan.Failures.Select(f => (f.Repository, f.Digest)).ToHashSet();
        Assert.NotEmpty(probed);
        Assert.Equal(probed.Order(), scanned.Order());
    }

    [Fact]
    public async Task Garbage_collect_delete_untagged_damage_is_found_and_not_repairable()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var gc = await seeded.Registry.GarbageCollectAsync(deleteUntagged: true);
        Assert.True(gc.ExitCode == 0, gc.Combined);

        var result = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");

        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        var orphans = report.Failures.Where(f => f.Kind == "orphaned_child").ToList();
        foreach (var tagged in seeded.Content.Tags.Where(t => t.Artifact.IsIndex))
        {
            foreach (var child in tagged.Artifact.Children)
            {
                var finding = Assert.Single(orphans, f => f.Repository == tagged.Repository && f.Parent == tagged.Artifact.Digest.ToString() && f.Digest == child.Digest.ToString());
                Assert.False(finding.Repairable);
            }
        }

        Assert.DoesNotContain(report.Failures, f => f.Repository == "demo/tools");
        Assert.DoesNotContain(JsonReport.Parse(result.StandardOutput).Findings, f => f.Kind == "orphaned_child" && f.Repairable == true);
    }

    [Fact]
    public async Task Dangling_layer_link_is_removed_by_fix_journaled_and_restored_by_undo()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        var layer = seeded.Content.Tools.Blobs[^1].Digest;
        Breakage.DeleteBlobData(v2, layer);
        var link = StoragePaths.LayerLink(v2, "demo/tools", layer);
        var before = StorageSnapshot.Take(Path.Combine(v2, "repositories"));

        var scan = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        Assert.True(scan.ExitCode == 1, scan.Combined);
        var finding = Assert.Single(JsonReport.Parse(scan.StandardOutput).Failures);
        Assert.Equal(("dangling_layer_link", "demo/tools", layer.ToString(), true), (finding.Kind, finding.Repository, finding.Digest, finding.Repairable == true));

        var journal = Path.Combine(seeded.Registry.RootDirectory, "layers.jsonl");
        var fix = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, "--output", "json");

        // The link is gone (a cache would fetch again), but this repository is no cache: the image still
        // cannot be pulled, and the exit code says so.
        Assert.True(fix.ExitCode == 1, fix.Combined);
        Assert.False(File.Exists(link));
        var fixReport = JsonReport.Parse(fix.StandardOutput);
        Assert.Equal(1, fixReport.SummaryInt("repairs_made"));
        Assert.Contains("remove_link", fix.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(journal).Length); // header, one change, end
        Assert.Contains("missing_layer_link", fix.StandardOutput, StringComparison.Ordinal);

        var undo = await CliRunner.RunAsync("undo", "--journal", journal);
        Assert.True(undo.ExitCode == 0, undo.Combined);
        Assert.Equal(before, StorageSnapshot.Take(Path.Combine(v2, "repositories")));

        // A change made after a journaled run is never clobbered: undo reports the conflict and exits 1.
        var second = Path.Combine(seeded.Registry.RootDirectory, "layers-2.jsonl");
        Assert.Equal(1, (await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", second)).ExitCode);
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.WriteAllText(link, "sha256:" + new string('0', 64));
        var conflict = await CliRunner.RunAsync("undo", "--journal", second);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("1 conflicts", conflict.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("sha256:" + new string('0', 64), File.ReadAllText(link));
    }

    [Fact]
    public async Task Fix_is_refused_against_a_directory_that_is_not_registry_storage()
    {
        var directory = Directory.CreateTempSubdirectory("not-registry-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "important.txt"), "x");

            var fix = await CliRunner.RunAsync("scan", "--root", directory, "--fix");
            var scan = await CliRunner.RunAsync("scan", "--root", directory);
            var missing = await CliRunner.RunAsync("scan", "--root", Path.Combine(directory, "nope"));

            Assert.Equal(2, fix.ExitCode);
            Assert.Contains("does not look like registry storage", fix.StandardError, StringComparison.Ordinal);
            Assert.Equal(3, scan.ExitCode);
            Assert.Equal(3, missing.ExitCode);

            var contradiction = await CliRunner.RunAsync("scan", "--root", directory, "--fix", "--dry-run");
            var noJournal = await CliRunner.RunAsync("undo", "--journal", Path.Combine(directory, "missing.jsonl"));
            var notAJournal = await CliRunner.RunAsync("undo", "--journal", Path.Combine(directory, "important.txt"));
            Assert.Equal(2, contradiction.ExitCode);
            Assert.Equal(2, noJournal.ExitCode);
            Assert.Equal(2, notAJournal.ExitCode);
            Assert.Equal("x", File.ReadAllText(Path.Combine(directory, "important.txt")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
