using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Pruning;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Storage;

/// <summary>
/// A symbolic link under <c>repositories/</c> leading to a repository outside the storage root: scan reports it,
/// and <c>prune --root --apply</c> neither reads nor changes anything out there (prune used to follow it and delete
/// tag links outside the root, issue 12).
/// </summary>
public sealed class SymlinkEscapeTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("outside-the-root-").FullName;

    public void Dispose() => Directory.Delete(_outside, recursive: true);

    [Theory]
    [InlineData("")]                  // repositories/escape -> a whole repository outside
    [InlineData("_manifests/tags")]   // a real repository whose tags directory leads outside
    public async Task Scan_reports_a_link_out_of_the_root_and_prune_apply_leaves_everything_outside_untouched(string linkedPart)
    {
        await using var r = await PruneRegistry.StartAsync();
        var scenario = r.Scenario;
        var v2 = r.Registry.V2Root;
        scenario.SetPushTimesOnDisk(v2);
        // The victim: a copy of a real repository (same tags, same push times) kept outside the storage root.
        var victim = Path.Combine(_outside, "victim");
        await Copy(StoragePaths.Repository(v2, PruneScenario.Repository), victim);
        var escape = Path.Combine(v2, "repositories", "escape");
        if (linkedPart.Length == 0)
        {
            Directory.CreateSymbolicLink(escape, victim);
        }
        else
        {
            await Copy(StoragePaths.Repository(v2, PruneScenario.Repository), escape);
            Directory.Delete(Path.Combine(escape, linkedPart), recursive: true);
            Directory.CreateSymbolicLink(Path.Combine(escape, linkedPart), Path.Combine(victim, linkedPart));
        }

        var outsideBefore = StorageSnapshot.TakeExact(_outside);
        var journal = Path.Combine(r.Registry.RootDirectory, "prune.jsonl");

        var scan = await CliRunner.RunAsync("scan", "--root", r.Registry.StorageRoot, "--output", "json");
        var apply = await CliRunner.RunAsync("prune", "--root", r.Registry.StorageRoot, "--keep", "10", "--apply", "--journal", journal, "--output", "json");

        Assert.True(scan.ExitCode == 1, scan.Combined);
        Assert.Contains(JsonReport.Parse(scan.StandardOutput).Findings, f =>
            f.Kind == "unreadable_path" && f.Repository == "escape" && f.Detail.Contains("outside the storage root", StringComparison.Ordinal));

        Assert.True(apply.ExitCode == 0, apply.Combined);
        Assert.Equal(outsideBefore, StorageSnapshot.TakeExact(_outside)); // every file's bytes and mtime, every directory
        using var report = JsonDocument.Parse(apply.StandardOutput);
        var warnings = report.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("escape", StringComparison.Ordinal) && w.Contains("symbolic link pointing outside the storage root", StringComparison.Ordinal));
        Assert.DoesNotContain("escape", await File.ReadAllTextAsync(journal), StringComparison.Ordinal);

        // The repository inside the root is pruned as it would be without the link.
        var pruned = PruneJson.Parse(apply.StandardOutput);
        Assert.Equal(scenario.ExpectedPrunedTags.Order(StringComparer.Ordinal), pruned.Tags.Where(t => t.Value.Action == "delete").Select(t => t.Key).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(StoragePaths.TagDirectory(v2, PruneScenario.Repository, "1.1")));
    }

    /// <summary><c>cp -a</c>: the copy keeps the modification times prune ranks tags by.</summary>
    private static async Task Copy(string from, string to)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("cp"), ["-a", from, to], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Combined);
    }
}
