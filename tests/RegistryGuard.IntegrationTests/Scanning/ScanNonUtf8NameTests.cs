using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Pruning;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Scanning;

/// <summary>
/// Names that are not valid UTF-8 everywhere the storage tree holds names. .NET decodes them with U+FFFD, so the
/// path it returns names another file or none: each must be reported (printable), never read as "empty", and
/// nothing may be written or deleted through it.
/// </summary>
public sealed class ScanNonUtf8NameTests
{
    private const string Lossy = "not valid UTF-8";

    [Fact]
    public async Task Non_UTF8_names_are_reported_printable_by_scan_and_fix_changes_nothing_through_them()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        var tools = "repositories/demo/tools";
        var toolsHex = seeded.Content.Tools.Digest.Hex;
        await RawNames.MakeDirectoriesAsync(v2,
            @"repositories/team\xff/app/_manifests/tags",               // a repository below a lossy directory
            @"repositories/demo/x\xfe\xfd/_layers/sha256",              // a lossy nested repository
            tools + @"/_layers/sha256/\xff" + toolsHex[1..],             // lossy digest directories
            tools + @"/_manifests/revisions/sha256/\xc3\x28",
            @"blobs/sha256/\xff",                                        // a lossy prefix directory
            @"blobs/sha256/" + toolsHex[..2] + @"/\xff" + toolsHex[1..]);
        await RawNames.WriteFileAsync(v2, tools + @"/_manifests/tags/st\xffble/current/link", "sha256:" + toolsHex);
        // The valid-UTF-8 spelling of what .NET decodes \xff to: a path built from the lossy name would land here.
        await RawNames.WriteFileAsync(v2, tools + @"/_manifests/tags/st\xef\xbf\xbdble/current/link", "sha256:" + toolsHex);
        var tree = await RawNames.TreeAsync(v2);

        var json = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");
        var text = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot);
        var fix = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", Path.Combine(seeded.Registry.RootDirectory, "fix.jsonl"), "--output", "json");

        Assert.True(json.ExitCode == 1, json.Combined);
        var findings = JsonReport.Parse(json.StandardOutput).Findings;
        void Reported(string repository, string printablePath) => Assert.Contains(findings, f =>
            f.Kind == "invalid_name" && f.Repository == repository && f.Detail.StartsWith(printablePath + ": ", StringComparison.Ordinal) && f.Detail.Contains(Lossy, StringComparison.Ordinal));
        Reported("", "repositories/team?");
        Reported("demo", "repositories/demo/x??");
        Reported("demo/tools", tools + "/_layers/sha256/?" + toolsHex[1..]);
        Reported("demo/tools", tools + "/_manifests/revisions/sha256/?(");
        Reported("demo/tools", tools + "/_manifests/tags/st?ble");
        Reported("", "blobs/sha256/?");
        Reported("", "blobs/sha256/" + toolsHex[..2] + "/?" + toolsHex[1..]);
        Assert.All(findings, f => Assert.Equal("invalid_name", f.Kind)); // nothing else: no "missing" anything behind them
        foreach (var output in new[] { json.Combined, text.Combined, fix.Combined })
        {
            Assert.DoesNotContain('\uFFFD', output);
            Assert.DoesNotContain(output, c => char.IsControl(c) && c is not ('\n' or '\r'));
        }

        Assert.True(text.ExitCode == 1, text.Combined);
        Assert.Contains("repositories/team?", text.StandardOutput, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 1, fix.Combined);
        Assert.Equal(0, JsonReport.Parse(fix.StandardOutput).SummaryInt("repairs_made"));
        Assert.Equal(tree, await RawNames.TreeAsync(v2));
    }

    [Fact]
    public async Task Non_UTF8_names_are_warnings_for_prune_and_the_filesystem_executor_deletes_nothing_through_them()
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var v2 = r.Registry.V2Root;
        scenario.SetPushTimesOnDisk(v2);
        var web = "repositories/" + PruneScenario.Repository;
        var pruned = scenario.Tags.Single(t => t.Tag == "1.1").Artifact.Digest.Hex;
        await RawNames.MakeDirectoriesAsync(v2, @"repositories/sh\xffop/web/_manifests/tags", web + @"/_manifests/revisions/sha256/\xff");
        await RawNames.WriteFileAsync(v2, web + @"/_manifests/tags/1.\xff/current/link", "sha256:" + pruned);
        // Inside a tag prune removes: its recursive walk cannot enter the lossy directory, so the tag is left whole.
        await RawNames.WriteFileAsync(v2, web + @"/_manifests/tags/1.1/index/sha256/\xff" + pruned[1..] + "/link", "sha256:" + pruned);
        var journal = Path.Combine(r.Registry.RootDirectory, "prune.jsonl");

        var dryRun = await CliRunner.RunAsync("prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--output", "json");
        var apply = await CliRunner.RunAsync("prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--apply", "--journal", journal);

        Assert.True(dryRun.ExitCode == 0, dryRun.Combined);
        using var dryRunJson = System.Text.Json.JsonDocument.Parse(dryRun.StandardOutput);
        var warnings = dryRunJson.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("'sh?op'", StringComparison.Ordinal) && w.Contains(Lossy, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("tag directory '1.?'", StringComparison.Ordinal) && w.Contains(Lossy, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("revision directory '?'", StringComparison.Ordinal));
        Assert.Equal(scenario.ExpectedPrunedTags.Order(StringComparer.Ordinal),
            PruneJson.Parse(dryRun.StandardOutput).Tags.Where(t => t.Value.Action == "delete").Select(t => t.Key).Order(StringComparer.Ordinal));

        Assert.True(apply.ExitCode == 0, apply.Combined);
        Assert.True(apply.Combined.Contains($"{PruneScenario.Repository}:1.1: '{web}/_manifests/tags/1.1/index/sha256/?{pruned[1..]}': name is {Lossy}", StringComparison.Ordinal), apply.Combined);
        foreach (var output in new[] { dryRun.Combined, apply.Combined })
        {
            Assert.DoesNotContain('\uFFFD', output);
        }

        Assert.True(await RawNames.ExistsAsync(v2, web + @"/_manifests/tags/1.1/index/sha256/\xff" + pruned[1..] + "/link"));
        Assert.True(await RawNames.ExistsAsync(v2, web + @"/_manifests/tags/1.\xff/current/link"));
        Assert.True(await RawNames.ExistsAsync(v2, @"repositories/sh\xffop/web/_manifests/tags"));
        Assert.True(File.Exists(StoragePaths.TagCurrentLink(v2, PruneScenario.Repository, "1.1"))); // left whole, never half removed
        Assert.True(File.Exists(StoragePaths.RevisionLink(v2, PruneScenario.Repository, scenario.Tags.Single(t => t.Tag == "1.1").Artifact.Digest)));
        Assert.False(File.Exists(StoragePaths.TagCurrentLink(v2, PruneScenario.Repository, "1.3"))); // the rest is pruned as planned
        Assert.DoesNotContain("\uFFFD", await File.ReadAllTextAsync(journal), StringComparison.Ordinal);
    }
}
