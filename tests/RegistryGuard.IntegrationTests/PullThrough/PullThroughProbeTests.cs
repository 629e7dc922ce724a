using System.Text.Json;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>
/// probe --pull-through against distribution's real proxy mode (issue 17): the probe must never make the cache fetch
/// or store anything, and an upstream outage is a warning of its own, never an integrity failure.
/// </summary>
public sealed class PullThroughProbeTests
{
    [Fact]
    public async Task A_probe_and_a_deep_probe_leave_the_cache_byte_identical_while_a_plain_walk_turns_it_into_a_mirror()
    {
        await using var rig = await PullThroughRig.StartAsync();
        await rig.PullThroughCacheAsync("demo/app:1.1"); // linux/amd64 only: the cache holds a partial index
        await rig.PullThroughCacheAsync("demo/tools:stable");
        var before = await rig.SettledCacheStorageAsync();

        var probe = await CliRunner.RunAsync("probe", "--registry", rig.CacheUrl, "--pull-through", "--output", "json");
        var deep = await CliRunner.RunAsync("probe", "--registry", rig.CacheUrl, "--pull-through", "--deep", "--output", "json");
        var after = await rig.SettledCacheStorageAsync();

        Assert.True(before.SequenceEqual(after), "the probe changed the cache:\n" + CacheStorage.Differences(before, after));
        foreach (var run in new[] { probe, deep })
        {
            Assert.True(run.ExitCode == 0, run.Combined);
            var report = JsonReport.Parse(run.StandardOutput);
            Assert.Empty(report.Findings);
            Assert.Equal(2, report.SummaryInt("pull_through_repositories"));
            var upstream = Assert.Single(report.Summary.GetProperty("pull_through").EnumerateArray());
            Assert.Equal("reachable", upstream.GetProperty("upstream_state").GetString());
        }

        // The control: the walk the probe used to make (every tag, every index child, every layer) through this cache.
        var walk = await CliRunner.RunAsync("probe", "--registry", rig.CacheUrl, "--output", "json");
        var mirrored = await rig.SettledCacheStorageAsync();

        Assert.True(walk.ExitCode == 0, walk.Combined);
        Assert.True(CacheStorage.RevisionLinks(mirrored) > CacheStorage.RevisionLinks(before), CacheStorage.Differences(before, mirrored));
        Assert.True(CacheStorage.Blobs(mirrored) > CacheStorage.Blobs(before), CacheStorage.Differences(before, mirrored));
    }

    [Fact]
    public async Task An_upstream_outage_is_a_warning_naming_the_upstream_and_since_when_and_a_gauge_never_an_integrity_failure()
    {
        await using var rig = await PullThroughRig.StartAsync();
        await using var gateway = await Pushgateway.StartAsync();
        await rig.PullThroughCacheAsync("demo/app:1.1");
        rig.Upstream.Stop();
        var state = Path.Combine(rig.Cache.RootDirectory, "upstream.state");
        var before = await rig.SettledCacheStorageAsync();
        string[] Probe() => ["probe", "--registry", rig.CacheUrl, "--pull-through", "--upstream-state", state, "--output", "json", "--pushgateway", gateway.Url.ToString()];

        var first = await CliRunner.RunAsync(Probe());
        var second = await CliRunner.RunAsync(Probe());
        var cachedStillPulls = await rig.PullAsync("demo/app:1.1");
        var after = await rig.SettledCacheStorageAsync();

        Assert.True(before.SequenceEqual(after), CacheStorage.Differences(before, after));
        Assert.True(cachedStillPulls.ExitCode == 0, cachedStillPulls.Combined);
        var upstream = rig.Upstream.Url.GetLeftPart(UriPartial.Authority);
        var sinces = new List<string>();
        foreach (var run in new[] { first, second })
        {
            Assert.True(run.ExitCode == 0, run.Combined);
            var report = JsonReport.Parse(run.StandardOutput);
            var warning = Assert.Single(report.Findings);
            Assert.Equal(("upstream_unreachable", "warning"), (warning.Kind, warning.Severity));
            Assert.Contains($"upstream {upstream} unreachable since", warning.Detail, StringComparison.Ordinal);
            Assert.Contains("connection refused", warning.Detail, StringComparison.Ordinal);
            var status = Assert.Single(report.Summary.GetProperty("pull_through").EnumerateArray());
            Assert.Equal(("unreachable", upstream), (status.GetProperty("upstream_state").GetString(), status.GetProperty("upstream").GetString()));
            sinces.Add(status.GetProperty("unreachable_since").GetString()!);
        }

        Assert.Equal(sinces[0], sinces[1]); // the first-seen time is kept, not the time of each run
        Assert.Contains("first seen by an earlier run", JsonReport.Parse(second.StandardOutput).Findings[0].Detail, StringComparison.Ordinal);
        var samples = await gateway.SamplesAsync();
        var reachable = samples.Single(s => s.Name == ProbeMetrics.UpstreamReachable);
        Assert.Equal(("**", 0.0), (reachable.Labels["repositories"], reachable.Value));
        Assert.Equal(DateTimeOffset.Parse(sinces[0], System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
            samples.Single(s => s.Name == ProbeMetrics.UpstreamUnreachableSince).Value);
        Assert.All(samples.Where(s => s.Name == ProbeMetrics.Failures), s => Assert.Equal(0, s.Value));
        Assert.Equal(1, samples.Single(s => s.Name == ProbeMetrics.CatalogAccessible).Value);

        await rig.Upstream.ResumeAsync();
        var back = await CliRunner.RunAsync(Probe());

        Assert.True(back.ExitCode == 0, back.Combined);
        Assert.Empty(JsonReport.Parse(back.StandardOutput).Findings);
        Assert.Equal(1, (await gateway.SamplesAsync()).Single(s => s.Name == ProbeMetrics.UpstreamReachable).Value);
        Assert.DoesNotContain(await gateway.SamplesAsync(), s => s.Name == ProbeMetrics.UpstreamUnreachableSince);
        Assert.Equal("", (await File.ReadAllTextAsync(state)).Trim());
    }

    [Fact]
    public async Task A_cache_with_nothing_cached_yet_is_listed_as_not_checked_and_stays_empty()
    {
        await using var rig = await PullThroughRig.StartAsync();
        var before = await rig.SettledCacheStorageAsync();

        var probe = await CliRunner.RunAsync("probe", "--registry", rig.CacheUrl, "--pull-through", "--output", "json");
        var after = await rig.SettledCacheStorageAsync();

        Assert.True(probe.ExitCode == 0, probe.Combined);
        Assert.True(before.SequenceEqual(after), CacheStorage.Differences(before, after));
        var status = Assert.Single(JsonReport.Parse(probe.StandardOutput).Summary.GetProperty("pull_through").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("checked_in").ValueKind);
        Assert.Equal("not_checked", status.GetProperty("upstream_state").GetString());
    }
}
