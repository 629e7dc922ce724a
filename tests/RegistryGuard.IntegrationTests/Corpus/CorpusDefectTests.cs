using System.Text.Json;
using RegistryGuard.IntegrationTests.Corpus.Families;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// Issue 13's defect 1 on the probe and prune side: BuildKit's registry cache (an index whose entries are blobs). Before
/// the fix both asked for its entries under /manifests/, where registry 2.8 answers 500: probe and verify reported
/// unreachable failures forever, prune stopped. Defects 2 and 3 are the scan's: <see cref="CorpusScanPendingTests"/>.
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
}
