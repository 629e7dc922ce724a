using RegistryGuard.Registry;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>Zero false alarms: on the healthy corpus every check a pager listens to reports no failure.</summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusHealthTests(CorpusFixture corpus, ITestOutputHelper output)
{
    [Fact]
    public async Task The_corpus_holds_what_real_registries_hold()
    {
        var census = corpus.Census!;
        foreach (var (step, time) in corpus.BuildTimings.OrderBy(t => t.Value))
        {
            output.WriteLine($"{step}: {time.TotalSeconds:0.0}s");
        }

        output.WriteLine(census.ToString());

        Assert.True(census.Repositories >= 100, census.ToString());
        Assert.True(census.MostTagsInOneRepository >= 250, census.ToString());
        Assert.True(census.ManifestMediaTypes.Count >= 6, census.ToString()); // OCI and Docker, indexes and images, with and without mediaType
        Assert.Contains("application/vnd.oci.image.layer.v1.tar+zstd", census.LayerMediaTypes.Keys);
        Assert.Contains("application/vnd.buildkit.cacheconfig.v0", census.LayerMediaTypes.Keys);

        // Every crafted tag resolves to exactly what was pushed there last (deleted ones are gone).
        using var client = new RegistryClient(new RegistryClientOptions(corpus.Registry.Url));
        foreach (var ((repository, tag), digest) in corpus.Facts.Tags)
        {
            Assert.Equal((RegistryGuard.Oci.Digest?)digest, await client.ResolveAsync(repository, tag, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_reports_no_failure(bool deep)
    {
        var report = await CorpusChecks.ProbeAsync(corpus.Registry, deep, output);

        Assert.Empty(report.Failures);
        Assert.Equal(corpus.Census!.Tags, report.SummaryInt("tags"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scan_reports_no_failure(bool deep)
    {
        var report = await CorpusChecks.ScanAsync(corpus.Registry, deep, output);

        Assert.Empty(report.Failures);
        Assert.Equal(corpus.Census!.Tags, report.SummaryInt("tags"));
    }
}
