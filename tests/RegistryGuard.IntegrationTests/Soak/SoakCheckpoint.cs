using System.Globalization;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// A pause in the pushes after which every number must be right: once a prune that started after the pause has
/// finished, the registry no longer changes, and once the probe and both scans have run after that, the Pushgateway,
/// serve's /metrics and /status must all tell the registry's real state.
/// </summary>
internal static class SoakCheckpoint
{
    public static async Task<RegistryTruth> VerifyAsync(SoakRig rig, string name)
    {
        await rig.Pusher.PauseAsync();
        var paused = DateTimeOffset.UtcNow;
        var afterPrune = await rig.WaitForAsync(s => s[SoakRig.Prune].LastStarted > paused, $"{name}: a prune after the pause");
        var settled = afterPrune[SoakRig.Prune].LastFinished!.Value;
        await rig.WaitForAsync(s => new[] { SoakRig.Probe, SoakRig.Scan, SoakRig.ScanFix, SoakRig.Prune }.All(j => s[j].LastStarted > settled),
            $"{name}: probe, both scans and prune again after the last change");

        var truth = await RegistryTruth.ReadAsync(rig.Registry.Registry.Url);
        var expectedSoakTags = Math.Min(rig.Pusher.Builds, SoakRig.Keep) + 1; // the newest builds and the protected latest
        Assert.True(truth.SoakTags.Count == expectedSoakTags, $"{name}: {SoakImages.Repository} holds {string.Join(' ', truth.SoakTags)} after {rig.Pusher.Builds} builds");

        var gateway = await rig.Gateway.SamplesAsync();
        var instance = rig.Registry.Registry.HostPort;
        var probe = Group(gateway, ProbeMetrics.DefaultJob, instance);
        var scan = Group(gateway, ScanMetrics.DefaultJob, instance);
        var prune = Group(gateway, PruneMetrics.DefaultJob, instance);
        AssertProbe(probe, truth, $"{name}: gateway probe group");
        AssertScan(scan, truth, $"{name}: gateway scan group");
        AssertPrune(prune, $"{name}: gateway prune group");
        Assert.True(Value(probe, "push_time_seconds") >= settled.ToUnixTimeSeconds(), $"{name}: the probe group was not pushed after the last change");

        var (status, metrics) = await ConsistentSnapshotAsync(rig);
        AssertProbe(OfTask(metrics, SoakRig.Probe), truth, $"{name}: /metrics probe");
        AssertScan(OfTask(metrics, SoakRig.Scan), truth, $"{name}: /metrics scan");
        AssertScan(OfTask(metrics, SoakRig.ScanFix), truth, $"{name}: /metrics scan-fix");
        AssertPrune(OfTask(metrics, SoakRig.Prune), $"{name}: /metrics prune");
        foreach (var job in SoakRig.Jobs)
        {
            var samples = OfTask(metrics, job);
            Assert.Equal(status[job].Runs, Value(samples, "registryguard_scheduler_runs_total"));
            Assert.Equal(status[job].Skips, Value(samples, "registryguard_scheduler_skipped_runs_total"));
            Assert.Equal(status[job].LastExitCode ?? -1, Value(samples, "registryguard_scheduler_last_exit_code"));
        }

        rig.Pusher.Resume();
        return truth;
    }

    /// <summary>While the registry is down: the probe's group says so (catalog unreadable, run failed), never "clean".</summary>
    public static async Task VerifyRegistryDownAsync(SoakRig rig, DateTimeOffset down)
    {
        var status = await rig.WaitForAsync(s => s[SoakRig.Probe].LastStarted > down && s[SoakRig.Prune].LastStarted > down,
            "a probe and a prune while the registry is down");
        Assert.Equal(3, status[SoakRig.Probe].LastExitCode);
        Assert.Equal(3, status[SoakRig.Prune].LastExitCode);
        var probe = Group(await rig.Gateway.SamplesAsync(), ProbeMetrics.DefaultJob, rig.Registry.Registry.HostPort);
        Assert.Equal(0, Value(probe, ProbeMetrics.CatalogAccessible));
        Assert.Equal(0, Value(probe, ProbeMetrics.RunSuccess));
        var metrics = OfTask(await rig.MetricsAsync(), SoakRig.Probe);
        Assert.Equal(0, Value(metrics, ProbeMetrics.CatalogAccessible));
    }

    /// <summary>While the gateway is down: runs still happen, and say that their push failed (exit 4).</summary>
    public static async Task VerifyGatewayDownAsync(SoakRig rig, DateTimeOffset down)
    {
        var status = await rig.WaitForAsync(s => s[SoakRig.Probe].LastStarted > down && s[SoakRig.Scan].LastStarted > down,
            "a probe and a scan while the gateway is down");
        Assert.Equal(4, status[SoakRig.Probe].LastExitCode);
        Assert.Equal(4, status[SoakRig.Scan].LastExitCode);
    }

    private static void AssertProbe(IReadOnlyList<ScrapedSample> group, RegistryTruth truth, string where)
    {
        Assert.True(Value(group, ProbeMetrics.CatalogAccessible) == 1, where);
        Assert.True(Value(group, ProbeMetrics.RunSuccess) == 1, where);
        Assert.True(Sum(group, ProbeMetrics.Failures) == 0, $"{where}: failures {Describe(group, ProbeMetrics.Failures)}");
        Assert.Equal((truth.Repositories, truth.Tags), ((int)Value(group, ProbeMetrics.ObjectsChecked, "repositories"), (int)Value(group, ProbeMetrics.ObjectsChecked, "tags")));
    }

    private static void AssertScan(IReadOnlyList<ScrapedSample> group, RegistryTruth truth, string where)
    {
        Assert.True(Value(group, ScanMetrics.RunSuccess) == 1, where);
        var failures = group.Where(s => s.Name == ScanMetrics.Findings && s.Labels["severity"] == "failure").Sum(s => s.Value);
        Assert.True(failures == 0, $"{where}: failures {Describe(group, ScanMetrics.Findings)}");
        Assert.Equal((truth.Repositories, truth.Tags), ((int)Value(group, ScanMetrics.ObjectsChecked, "repositories"), (int)Value(group, ScanMetrics.ObjectsChecked, "tags")));
    }

    private static void AssertPrune(IReadOnlyList<ScrapedSample> group, string where)
    {
        Assert.True(Value(group, PruneMetrics.RunSuccess) == 1, where);
        Assert.True(Value(group, PruneMetrics.TagsPruned) == 0, $"{where}: the registry settled, yet the last prune pruned tags");
    }

    /// <summary>/status, /metrics, /status again until no run started or ended in between (jobs fire every second).</summary>
    private static async Task<(IReadOnlyDictionary<string, ServeJobState> Status, IReadOnlyList<ScrapedSample> Metrics)> ConsistentSnapshotAsync(SoakRig rig)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var before = await rig.StatusAsync();
            var metrics = await rig.MetricsAsync();
            var after = await rig.StatusAsync();
            if (SoakRig.Jobs.All(j => before[j].Runs == after[j].Runs && before[j].Skips == after[j].Skips && before[j].LastFinished == after[j].LastFinished))
            {
                return (after, metrics);
            }
        }

        throw new TimeoutException("/status never held still across a /metrics scrape");
    }

    private static List<ScrapedSample> Group(IReadOnlyList<ScrapedSample> samples, string job, string instance) =>
        [.. samples.Where(s => s.Labels.GetValueOrDefault("job") == job && s.Labels.GetValueOrDefault("instance") == instance)];

    private static List<ScrapedSample> OfTask(IReadOnlyList<ScrapedSample> samples, string task) =>
        [.. samples.Where(s => s.Labels.GetValueOrDefault("task") == task)];

    private static double Value(IReadOnlyList<ScrapedSample> group, string name, string? type = null)
    {
        var matches = group.Where(s => s.Name == name && (type is null || s.Labels.GetValueOrDefault("type") == type)).ToList();
        Assert.True(matches.Count == 1, $"{name}{(type is null ? "" : $"{{type={type}}}")}: {matches.Count} samples");
        return matches[0].Value;
    }

    private static double Sum(IReadOnlyList<ScrapedSample> group, string name) => group.Where(s => s.Name == name).Sum(s => s.Value);

    private static string Describe(IReadOnlyList<ScrapedSample> group, string name) =>
        string.Join(", ", group.Where(s => s.Name == name && s.Value != 0)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{string.Join(',', s.Labels.Select(l => $"{l.Key}={l.Value}"))}={s.Value}")));
}
