using RegistryGuard.Findings;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Metrics;

public sealed class ProbeMetricsTests
{
    private static readonly DateTimeOffset Started = new(2026, 4, 19, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Completed_run_publishes_every_probe_kind_and_the_success_time()
    {
        var summary = new ProbeSummary
        {
            Target = "http://r:5000", StartedAt = Started, Duration = TimeSpan.FromSeconds(2), CatalogAccessible = true, Tags = 3,
            FailuresByKind = new Dictionary<FindingKind, int> { [FindingKind.MissingManifest] = 4 },
        };

        var run = ProbeMetrics.From(new ProbeReport(summary, []));

        Assert.Equal(PushMode.Replace, run.PushMode);
        var failures = run.Families.Single(f => f.Name == ProbeMetrics.Failures);
        Assert.Equal(ProbeMetrics.Kinds.Count, failures.Samples.Count);
        Assert.Equal(4, failures.ValueOf(new MetricLabel("kind", "missing_manifest")));
        Assert.Equal(0, failures.ValueOf(new MetricLabel("kind", "missing_blob")));
        Assert.Equal(Started.AddSeconds(2).ToUnixTimeSeconds(), run.Families.Single(f => f.Name == ProbeMetrics.LastSuccess).Samples[0].Value);
        Assert.Equal(3, run.Families.Single(f => f.Name == ProbeMetrics.ObjectsChecked).ValueOf(new MetricLabel("type", "tags")));
    }

    [Fact]
    public void Failed_run_merges_and_leaves_findings_and_success_time_alone()
    {
        var summary = new ProbeSummary { Target = "http://r:5000", StartedAt = Started, CatalogAccessible = false };

        var run = ProbeMetrics.From(new ProbeReport(summary, [], "catalog: 503"));

        Assert.Equal(PushMode.Merge, run.PushMode);
        Assert.DoesNotContain(run.Families, f => f.Name is ProbeMetrics.Failures or ProbeMetrics.LastSuccess);
        Assert.Equal(0, run.Families.Single(f => f.Name == ProbeMetrics.CatalogAccessible).Samples[0].Value);
        Assert.Equal(0, run.Families.Single(f => f.Name == ProbeMetrics.RunSuccess).Samples[0].Value);
    }
}
