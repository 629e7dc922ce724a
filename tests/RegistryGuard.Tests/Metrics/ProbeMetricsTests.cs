using RegistryGuard.Findings;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Signatures;

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
    public async Task A_run_with_keys_counts_every_signature_kind_and_one_without_publishes_no_signature_family()
    {
        var summary = new ProbeSummary
        {
            Target = "http://r:5000", StartedAt = Started, CatalogAccessible = true,
            FailuresByKind = new Dictionary<FindingKind, int> { [FindingKind.InvalidSignature] = 2, [FindingKind.UnsignedImage] = 1 },
            Signatures = new SignatureSummary(["SHA256:3db718f56513b59c"], Checked: 9, Valid: 5, NotSigned: 2, Invalid: 2, Orphaned: 3, Unchecked: 0),
        };

        var samples = ScrapedSample.Parse(await ProbeMetrics.From(new ProbeReport(summary, [])).ToTextAsync(CancellationToken.None));
        var unkeyed = ScrapedSample.Parse(await ProbeMetrics.From(new ProbeReport(summary with { Signatures = null, FailuresByKind = new Dictionary<FindingKind, int>() }, []))
            .ToTextAsync(CancellationToken.None));

        Assert.Equal((2, 1), (Failure(samples, "invalid_signature"), Failure(samples, "unsigned")));
        Assert.DoesNotContain(samples, s => s.Name == ProbeMetrics.Failures && s.Labels["kind"] == "orphaned_signature"); // a warning
        Assert.Equal(3, samples.Single(s => s.Name == ProbeMetrics.OrphanedSignatures).Value);
        Assert.Equal(
            [("invalid", 2.0), ("unchecked", 0.0), ("unsigned", 2.0), ("valid", 5.0)],
            samples.Where(s => s.Name == ProbeMetrics.ImageSignatures).Select(s => (s.Labels["state"], s.Value)).Order());
        Assert.Equal((0, 0), (Failure(unkeyed, "invalid_signature"), Failure(unkeyed, "unsigned")));
        Assert.DoesNotContain(unkeyed, s => s.Name is ProbeMetrics.ImageSignatures or ProbeMetrics.OrphanedSignatures);
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

    private static double Failure(IEnumerable<ScrapedSample> samples, string kind) =>
        samples.Single(s => s.Name == ProbeMetrics.Failures && s.Labels["kind"] == kind).Value;
}
