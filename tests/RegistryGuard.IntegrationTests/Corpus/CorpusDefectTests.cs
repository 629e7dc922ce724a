using System.Text.Json;
using RegistryGuard.IntegrationTests.Corpus.Families;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// Issue 13's three defects, each shown on the corpus. 1: BuildKit's registry cache (an index whose entries are blobs):
/// probe, verify and prune asked for its entries under /manifests/, where registry 2.8 answers 500 (unreachable failures
/// forever, prune stopped), and the scan read them as manifests (unreadable_manifest and orphaned_child failures).
/// 2: an orphan under an untagged index that a tag reaches through an outer index is a failure (the breakage matrix's
/// grandchild rows, <see cref="CorpusBreakageTests"/>). 3: a repository emptied by DELETE and plain GC counts as empty.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusDefectTests(CorpusFixture corpus, ITestOutputHelper output)
{
    [Theory]
    [InlineData("buildcache")]
    [InlineData("buildcache-docker")]
    [InlineData("buildcache-manifest")]
    public async Task Verify_checks_a_buildkit_cache_entries_as_blobs(string tag)
    {
        var result = await CliRunner.RunAsync("verify", $"{corpus.Registry.HostPort}/{BuildKitCache.Repository}:{tag}", "--plain-http", "--output", "json");

        output.WriteLine(result.Combined);
        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(1, report.SummaryInt("manifests")); // the cache itself: its entries are blobs, HEADed under /blobs/
        Assert.True(report.SummaryInt("blobs") >= 3, result.StandardOutput);
    }

    [Fact]
    public async Task Prune_plans_a_buildkit_cache_with_its_blob_entries()
    {
        var cache = CorpusFacts.Required(corpus.Facts.BuildCache, "a BuildKit cache index").Artifact;

        var result = await CliRunner.RunAsync("prune", "--registry", corpus.Registry.Url.ToString(), "--include", BuildKitCache.Repository,
            "--keep", "1", "--protect", "latest", "--output", "json"); // a dry run: the corpus is not changed

        Assert.True(result.ExitCode == 0, result.Combined);
        using var plan = JsonDocument.Parse(result.StandardOutput);
        var repository = plan.RootElement.GetProperty("repositories").EnumerateArray().Single();
        var deleted = repository.GetProperty("manifests").EnumerateArray()
            .Where(m => m.GetProperty("action").GetString() == "delete").Select(m => m.GetProperty("digest").GetString()).ToList();
        Assert.Contains(cache.Digest.ToString(), deleted);
        Assert.All(cache.Blobs, b => Assert.DoesNotContain(b.Digest.ToString(), deleted)); // blobs are never deleted as manifests
        var reclaimable = plan.RootElement.GetProperty("summary").GetProperty("blobs_reclaimable").GetInt32();
        Assert.True(reclaimable > cache.Blobs.Count(b => b.MediaType == MediaTypes.BuildKitCacheConfig), result.StandardOutput);
    }

    [Fact]
    public async Task Scan_checks_a_buildkit_cache_entries_as_blobs()
    {
        var report = await CorpusChecks.ScanAsync(corpus.Registry, deep: true, output);

        Assert.Empty(report.Findings.Where(f => f.Repository == BuildKitCache.Repository).Select(f => $"{f.Severity} {f.Kind} {f.Digest} {f.Detail}"));
    }

    [Fact]
    public async Task Scan_counts_a_repository_emptied_by_delete_and_gc_as_empty()
    {
        var report = await CorpusChecks.ScanAsync(corpus.Registry, deep: false, output);

        // history/emptied (DELETE + GC: only dangling _layers links are left) and history/never-pushed (an abandoned
        // upload, never a manifest)
        Assert.Equal(History.Emptied, CorpusFacts.Required(corpus.Facts.Emptied, "an emptied repository"));
        Assert.Equal(2, report.SummaryInt("empty_repositories"));
    }
}
