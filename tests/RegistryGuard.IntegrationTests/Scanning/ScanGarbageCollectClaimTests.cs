using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Scanning;

/// <summary>
/// What the scan's findings say about the registry's own garbage-collect, held against the real one (plain, as the
/// runbook runs it): it reads every revision as a manifest and stops on one that is no manifest or whose link holds
/// garbage; it never reads tag links or an index's blob entries (the corpus build runs it over BuildKit caches).
/// </summary>
public sealed class ScanGarbageCollectClaimTests
{
    private const string Stops = "distribution's garbage-collect stops on it (it reads every revision as a manifest)";

    [Fact]
    public async Task A_revision_that_is_no_manifest_stops_garbage_collect_as_the_scan_says()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var junk = Encoding.ASCII.GetBytes("{\"layers\":[],\"records\":[]}"); // a cacheconfig's shape: JSON, but no manifest
        using (var client = new RegistryClient(new RegistryClientOptions(seeded.Registry.Url)))
        {
            await client.PushBlobAsync("junk/app", junk, CancellationToken.None);
        }

        var digest = Digest.Sha256Of(junk);
        WriteLink(StoragePaths.RevisionLink(seeded.Registry.V2Root, "junk/app", digest), digest.ToString());

        var report = await ScanAsync(seeded);
        var gc = await seeded.Registry.GarbageCollectAsync(dryRun: true);

        var finding = Assert.Single(report.Failures);
        Assert.Equal(("unreadable_manifest", digest.ToString()), (finding.Kind, finding.Digest));
        Assert.EndsWith(Stops, finding.Detail, StringComparison.Ordinal);
        Assert.True(gc.ExitCode != 0, gc.Combined);
        Assert.Contains($"failed to retrieve manifest for digest {digest}", gc.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_in_a_revision_link_stops_garbage_collect_and_in_a_tag_link_it_does_not()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        var tagLink = StoragePaths.TagCurrentLink(v2, DemoContent.AppRepository, "1.0");
        WriteLink(tagLink, "sha256:not-a-digest\n");

        var tagScan = await ScanAsync(seeded);
        var tagGc = await seeded.Registry.GarbageCollectAsync(dryRun: true);
        WriteLink(StoragePaths.RevisionLink(v2, DemoContent.AppRepository, seeded.Content.AppV1.Digest), "sha256:not-a-digest\n");
        var revisionScan = await ScanAsync(seeded);
        var revisionGc = await seeded.Registry.GarbageCollectAsync(dryRun: true);

        Assert.Contains(tagScan.Failures, f => f.Kind == "corrupt_link" && f.Tag == "1.0");
        Assert.True(tagGc.ExitCode == 0, tagGc.Combined);
        Assert.Contains(revisionScan.Failures, f => f.Kind == "corrupt_link" && f.Digest == seeded.Content.AppV1.Digest.ToString());
        Assert.True(revisionGc.ExitCode != 0, revisionGc.Combined);
        Assert.Contains("failed to mark", revisionGc.Combined, StringComparison.Ordinal);
    }

    private static async Task<JsonReport> ScanAsync(SeededRegistry seeded)
    {
        var result = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        Assert.True(result.ExitCode == 1, result.Combined);
        return JsonReport.Parse(result.StandardOutput);
    }

    private static void WriteLink(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
