using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Metrics;

/// <summary>The probe's results reach a real Pushgateway, which rejects anything malformed.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class PushgatewayTests
{
    private const string Job = "registry-integrity-probe";

    [Fact]
    public async Task Broken_registry_pushes_findings_by_kind_and_a_repaired_one_reads_zero()
    {
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync();
        var removed = Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);

        var broken = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "-o", "json", "--pushgateway", gateway.Url.ToString());

        Assert.True(broken.ExitCode == 1, broken.Combined);
        var report = JsonReport.Parse(broken.StandardOutput);
        var samples = await gateway.SamplesAsync();
        var failures = FailuresByKind(samples, seeded.Registry.HostPort);
        Assert.Equal(ProbeMetrics.Kinds.Select(k => RegistryGuard.Findings.FindingKinds.WireName(k)).Order(), failures.Keys.Order());
        foreach (var (kind, value) in failures)
        {
            Assert.Equal(report.Failures.Count(f => f.Kind == kind), value);
        }

        Assert.True(failures["missing_manifest"] > 0);
        var lastSuccess = Single(samples, ProbeMetrics.LastSuccess, seeded.Registry.HostPort);
        Assert.Equal(1, Single(samples, ProbeMetrics.RunSuccess, seeded.Registry.HostPort));
        Assert.Equal(1, Single(samples, ProbeMetrics.CatalogAccessible, seeded.Registry.HostPort));
        Assert.Equal(report.SummaryInt("manifests"), samples.Single(s => s.Name == ProbeMetrics.ObjectsChecked && s.Labels["type"] == "manifests").Value);

        // The repair that needs no rebuild: write the revision links back.
        foreach (var digest in removed)
        {
            var link = StoragePaths.RevisionLink(seeded.Registry.V2Root, DemoContent.AppRepository, digest);
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            await File.WriteAllTextAsync(link, StoragePaths.LinkContent(digest));
        }

        var repaired = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--pushgateway", gateway.Url.ToString());

        Assert.True(repaired.ExitCode == 0, repaired.Combined);
        var after = await gateway.SamplesAsync();
        Assert.All(FailuresByKind(after, seeded.Registry.HostPort).Values, v => Assert.Equal(0, v));
        Assert.True(Single(after, ProbeMetrics.LastSuccess, seeded.Registry.HostPort) >= lastSuccess);
        var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, "demo/app:latest");
        Assert.True(pull.ExitCode == 0, pull.Combined);
    }

    [Fact]
    public async Task A_run_that_cannot_read_the_registry_keeps_the_last_results_and_success_time()
    {
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.TruncateBlob(seeded.Registry.V2Root, seeded.Content.Tools.Blobs[^1].Digest);
        var instance = seeded.Registry.HostPort;

        var first = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--pushgateway", gateway.Url.ToString());
        Assert.Equal(1, first.ExitCode);
        var before = await gateway.SamplesAsync();
        await seeded.Registry.DisposeAsync(); // the registry is down for the next run

        var down = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--pushgateway", gateway.Url.ToString(), "--retries", "0");

        Assert.True(down.ExitCode == 3, down.Combined);
        var after = await gateway.SamplesAsync();
        Assert.Equal(0, Single(after, ProbeMetrics.CatalogAccessible, instance));
        Assert.Equal(0, Single(after, ProbeMetrics.RunSuccess, instance));
        Assert.Equal(Single(before, ProbeMetrics.LastSuccess, instance), Single(after, ProbeMetrics.LastSuccess, instance));
        Assert.Equal(1, FailuresByKind(after, instance)["size_mismatch"]); // not a false "all clean"
        Assert.True(Single(after, "push_time_seconds", instance) >= Single(before, "push_time_seconds", instance));
    }

    [Fact]
    public async Task Promtool_accepts_what_is_pushed_and_what_the_gateway_then_serves()
    {
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        using var client = new RegistryClient(new RegistryClientOptions(seeded.Registry.Url));
        var report = await new Prober(client, new ProbeOptions()).ProbeRegistryAsync(CancellationToken.None);
        var text = await ProbeMetrics.From(report).ToTextAsync(CancellationToken.None);

        var pushed = await PromtoolCheckAsync(text);
        var push = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--pushgateway", gateway.Url.ToString(), "--shard", "1/2");
        var served = await PromtoolCheckAsync(await gateway.ScrapeAsync());

        Assert.True(pushed.ExitCode == 0, pushed.Combined + text);
        Assert.True(push.ExitCode is 0 or 1, push.Combined);
        Assert.True(served.ExitCode == 0, served.Combined);
        var samples = await gateway.SamplesAsync();
        Assert.Contains(samples, s => s.Name == ProbeMetrics.RunSuccess && s.Labels.GetValueOrDefault("shard") == "1");
    }

    [Fact]
    public async Task Label_values_with_quotes_backslashes_and_newlines_are_escaped_and_accepted()
    {
        await using var gateway = await Pushgateway.StartAsync();
        const string hostile = "team/\"quoted\"\\back\nline";
        var run = new RunMetrics(
            [RunFamily.Gauge("registryguard_test_findings", "A help text with a backslash \\ and a\nnewline.", "repository", [KeyValuePair.Create(hostile, 3.0)])],
            [],
            Completed: true);
        var key = new GroupingKey("registryguard-test", [new MetricLabel("instance", hostile), new MetricLabel("empty", "")]);
        using var client = new PushgatewayClient(gateway.Url);

        await client.PushAsync(key, run, CancellationToken.None);

        var sample = (await gateway.SamplesAsync()).Single(s => s.Name == "registryguard_test_findings");
        Assert.Equal(hostile, sample.Labels["repository"]);
        Assert.Equal(hostile, sample.Labels["instance"]);
        Assert.Equal("", sample.Labels.GetValueOrDefault("empty", ""));
        Assert.Equal(3, sample.Value);

        // Via the CLI too: a grouping key value with '/', a quote and a newline.
        var down = await CliRunner.RunAsync("probe", "--registry", "http://127.0.0.1:1", "--retries", "0", "--pushgateway", gateway.Url.ToString(),
            "--grouping-key", "site=" + hostile);
        Assert.Equal(3, down.ExitCode);
        Assert.Contains(await gateway.SamplesAsync(), s => s.Name == ProbeMetrics.CatalogAccessible && s.Labels.GetValueOrDefault("site") == hostile && s.Value == 0);
    }

    [Fact]
    public async Task Gateway_refusal_is_reported_with_its_message()
    {
        await using var gateway = await Pushgateway.StartAsync();
        using var client = new PushgatewayClient(gateway.Url);
        var first = Prometheus.Metrics.NewCustomRegistry();
        Prometheus.Metrics.WithCustomRegistry(first).CreateGauge("registryguard_test_value", "a value").Set(1);
        var conflicting = Prometheus.Metrics.NewCustomRegistry();
        Prometheus.Metrics.WithCustomRegistry(conflicting).CreateCounter("registryguard_test_value", "a value").IncTo(2);
        await client.PushAsync(new GroupingKey("a"), first, PushMode.Replace, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<PushgatewayException>(() =>
            client.PushAsync(new GroupingKey("b"), conflicting, PushMode.Replace, CancellationToken.None));

        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
        // Either side of the conflict may be the one named "not" of the other's type; on a failure, print the whole
        // message (a CI run once failed here and xunit cut the string off before the reason).
        Assert.True(Regex.IsMatch(refused.Message, "is not a (GAUGE|COUNTER)"), "the gateway's reason is missing from: " + refused.Message);
    }

    [Fact]
    public async Task Gateway_down_the_probe_still_reports_its_findings_and_says_the_push_failed()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var nobody = $"http://127.0.0.1:{FreePort.Next()}";

        var clean = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--pushgateway", nobody);
        Breakage.TruncateBlob(seeded.Registry.V2Root, seeded.Content.Tools.Blobs[^1].Digest);
        var broken = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "-o", "json", "--pushgateway", nobody);

        Assert.True(clean.ExitCode == 4, clean.Combined);
        Assert.Contains("metrics push failed", clean.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("metrics push failed", broken.StandardError, StringComparison.Ordinal);
        Assert.Equal("size_mismatch", Assert.Single(JsonReport.Parse(broken.StandardOutput).Failures).Kind);
    }

    internal static Task<ProcessResult> PromtoolCheckAsync(string exposition) =>
        ProcessRunner.RunAsync(RequiredTool.Path("promtool"), ["check", "metrics"], TimeSpan.FromMinutes(1), CancellationToken.None, exposition);

    private static Dictionary<string, double> FailuresByKind(IEnumerable<ScrapedSample> samples, string instance) =>
        samples.Where(s => s.Name == ProbeMetrics.Failures && s.Labels["job"] == Job && s.Labels["instance"] == instance)
            .ToDictionary(s => s.Labels["kind"], s => s.Value);

    private static double Single(IEnumerable<ScrapedSample> samples, string name, string instance) =>
        samples.Single(s => s.Name == name && s.Labels["job"] == Job && s.Labels["instance"] == instance).Value;
}
