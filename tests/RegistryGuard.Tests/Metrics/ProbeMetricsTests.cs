using RegistryGuard.Findings;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Metrics;

public sealed class ProbeMetricsTests
{
    private static readonly DateTimeOffset Started = new(2026, 4, 19, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Completed_run_publishes_every_probe_kind_and_the_success_time()
    {
        var summary = new ProbeSummary
        {
            Target = "http://r:5000", StartedAt = Started, Duration = TimeSpan.FromSeconds(2), CatalogAccessible = true, Tags = 3,
            FailuresByKind = new Dictionary<FindingKind, int> { [FindingKind.MissingManifest] = 4 },
        };

        var run = ProbeMetrics.From(new ProbeReport(summary, []));

        Assert.Equal(PushMode.Replace, run.PushMode);
        var samples = ScrapedSample.Parse(await run.ToTextAsync(CancellationToken.None));
        var failures = samples.Where(s => s.Name == ProbeMetrics.Failures).ToList();
        Assert.Equal(ProbeMetrics.Kinds.Count, failures.Count);
        Assert.Equal(4, failures.Single(s => s.Labels["kind"] == "missing_manifest").Value);
        Assert.Equal(0, failures.Single(s => s.Labels["kind"] == "missing_blob").Value);
        Assert.Equal(Started.AddSeconds(2).ToUnixTimeSeconds(), samples.Single(s => s.Name == ProbeMetrics.LastSuccess).Value);
        Assert.Equal(3, samples.Single(s => s.Name == ProbeMetrics.ObjectsChecked && s.Labels["type"] == "tags").Value);
    }

    [Fact]
    public async Task Failed_run_merges_and_leaves_findings_and_success_time_alone()
    {
        var summary = new ProbeSummary { Target = "http://r:5000", StartedAt = Started, CatalogAccessible = false };

        var run = ProbeMetrics.From(new ProbeReport(summary, [], "catalog: 503"));

        Assert.Equal(PushMode.Merge, run.PushMode);
        var samples = ScrapedSample.Parse(await run.ToTextAsync(CancellationToken.None));
        Assert.DoesNotContain(samples, s => s.Name is ProbeMetrics.Failures or ProbeMetrics.LastSuccess);
        Assert.Equal(0, samples.Single(s => s.Name == ProbeMetrics.CatalogAccessible).Value);
        Assert.Equal(0, samples.Single(s => s.Name == ProbeMetrics.RunSuccess).Value);
    }
}
