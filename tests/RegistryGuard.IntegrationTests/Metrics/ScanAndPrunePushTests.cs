using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.Metrics;

/// <summary>scan and prune push their own families to a real Pushgateway, under their own jobs.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ScanAndPrunePushTests
{
    [Fact]
    public async Task Scan_pushes_what_it_found_and_after_fix_what_remains()
    {
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);
        var grouping = new[] { "--pushgateway", gateway.Url.ToString(), "--grouping-key", "instance=registry-vm" };

        var dryRun = await CliRunner.RunAsync(["scan", "--root", seeded.Registry.StorageRoot, "-o", "json", .. grouping], null, null);

        Assert.True(dryRun.ExitCode == 1, dryRun.Combined);
        var report = JsonReport.Parse(dryRun.StandardOutput);
        var orphans = report.Failures.Count(f => f.Kind == "orphaned_child");
        Assert.True(orphans > 0);
        var samples = await gateway.SamplesAsync();
        Assert.Equal(orphans, Findings(samples, "orphaned_child", "failure"));
        // One link write repairs a child however many indexes reference it.
        Assert.Equal(report.Findings.Where(f => f.Repairable == true).Select(f => (f.Repository, f.Digest)).Distinct().Count(), Value(samples, ScanMetrics.RepairsPlanned));
        Assert.Equal(0, Findings(samples, "corrupt_link", "failure")); // every kind is present, 0 when clean
        await AssertPromtoolAcceptsAsync(await gateway.ScrapeAsync());

        var journal = Path.Combine(seeded.Registry.RootDirectory, "fix.jsonl");
        var fixedRun = await CliRunner.RunAsync(["scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, .. grouping], null, null);

        Assert.True(fixedRun.ExitCode == 0, fixedRun.Combined);
        var after = await gateway.SamplesAsync();
        Assert.Equal(0, Findings(after, "orphaned_child", "failure"));
        Assert.True(Value(after, ScanMetrics.RepairsMade) > 0);
        Assert.Equal(1, Value(after, ScanMetrics.RunSuccess));
    }

    [Fact]
    public async Task Prune_dry_run_pushes_what_it_would_reclaim()
    {
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("prune", "--registry", seeded.Url, "--keep", "1", "--pushgateway", gateway.Url.ToString());

        Assert.True(result.ExitCode == 0, result.Combined);
        var samples = await gateway.SamplesAsync();
        var instance = seeded.Registry.HostPort;
        Assert.Equal(1, Value(samples, PruneMetrics.TagsPruned, instance)); // demo/app keeps latest (protected) and 1.1; 1.0 goes
        Assert.True(Value(samples, PruneMetrics.BytesReclaimable, instance) > 0);
        Assert.Equal(0, Value(samples, PruneMetrics.ManifestsDeleted, instance)); // a dry run deletes nothing
        await AssertPromtoolAcceptsAsync(await gateway.ScrapeAsync());
    }

    private static double Findings(IReadOnlyList<ScrapedSample> samples, string kind, string severity) =>
        samples.Single(s => s.Name == ScanMetrics.Findings && s.Labels["job"] == ScanMetrics.DefaultJob
            && s.Labels["kind"] == kind && s.Labels["severity"] == severity).Value;

    private static double Value(IReadOnlyList<ScrapedSample> samples, string name, string instance = "registry-vm") =>
        samples.Single(s => s.Name == name && s.Labels["instance"] == instance).Value;

    private static async Task AssertPromtoolAcceptsAsync(string exposition)
    {
        var check = await ProcessRunner.RunAsync(RequiredTool.Path("promtool"), ["check", "metrics"], TimeSpan.FromMinutes(1), CancellationToken.None, exposition);
        Assert.True(check.ExitCode == 0, check.Combined);
    }
}
