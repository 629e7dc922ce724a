using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Serve;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.PullThrough;

/// <summary>The VM's layout under serve: the private registry and two pull-through caches (Docker Hub, GHCR), each probed and scanned.</summary>
public sealed class PullThroughServeTests
{
    [Fact]
    public async Task Serve_probes_and_scans_the_private_registry_and_two_caches_without_touching_the_caches_contents()
    {
        await using var privateRegistry = await SeededRegistry.StartAsync();
        await using var dockerhub = await PullThroughRig.StartAsync();
        await using var ghcr = await PullThroughRig.StartAsync();
        await dockerhub.PullThroughCacheAsync("demo/app:1.1");
        await dockerhub.PullThroughCacheAsync("demo/tools:stable");
        await ghcr.PullThroughCacheAsync("team/api/server:2026.04");
        ghcr.Upstream.Stop(); // one cache's upstream is down: the metrics must tell it from the healthy one
        var dockerhubBefore = await dockerhub.SettledCacheStorageAsync();
        var ghcrBefore = await ghcr.SettledCacheStorageAsync();
        var work = Directory.CreateTempSubdirectory("serve-caches-").FullName;
        var port = FreePort.Next();
        var config = Path.Combine(work, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            registries:
              - name: private
                url: {privateRegistry.Url}
                storage_root: {privateRegistry.Registry.StorageRoot}
              - name: dockerhub
                url: {dockerhub.CacheUrl}
                pull_through: ["**"]
                storage_root: {dockerhub.Cache.StorageRoot}
              - name: ghcr
                url: {ghcr.CacheUrl}
                pull_through: ["**"]
                storage_root: {ghcr.Cache.StorageRoot}
            jobs:
            {Jobs("private", work)}
            {Jobs("dockerhub", work)}
            {Jobs("ghcr", work)}
            """);

        try
        {
            await using var serve = CliProcess.Start("serve", "--config", config);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var status = await ServeEndToEndTests.PollAsync(serve, http, s => s.GetProperty("jobs").EnumerateArray().All(j => j.GetProperty("runs").GetInt64() >= 3));
            var samples = ScrapedSample.Parse(await http.GetStringAsync("metrics"));
            var stop = await ProcessRunner.RunAsync("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(0, stop.ExitCode);
            Assert.Equal(0, await serve.WaitForExitAsync());

            Assert.All(status.GetProperty("jobs").EnumerateArray(), job =>
                Assert.True(job.GetProperty("last_run").GetProperty("exit_code").GetInt32() == 0, job.GetRawText()));
            double Reachable(string task) => samples.Single(s => s.Name == ProbeMetrics.UpstreamReachable && s.Labels["task"] == task).Value;
            Assert.Equal(1, Reachable("probe-dockerhub"));
            Assert.Equal(0, Reachable("probe-ghcr"));
            Assert.DoesNotContain(samples, s => s.Name == ProbeMetrics.UpstreamReachable && s.Labels["task"] == "probe-private");
            Assert.All(samples.Where(s => s.Name == ProbeMetrics.Failures), s => Assert.Equal(0, s.Value));
            Assert.Single(await File.ReadAllLinesAsync(Path.Combine(work, "ghcr.upstream")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        var dockerhubAfter = await dockerhub.SettledCacheStorageAsync();
        var ghcrAfter = await ghcr.SettledCacheStorageAsync();
        Assert.True(dockerhubBefore.SequenceEqual(dockerhubAfter), "dockerhub cache changed:\n" + CacheStorage.Differences(dockerhubBefore, dockerhubAfter));
        Assert.True(ghcrBefore.SequenceEqual(ghcrAfter), "ghcr cache changed:\n" + CacheStorage.Differences(ghcrBefore, ghcrAfter));
    }

    /// <summary>A probe every second and a fixing scan every two seconds, second-level schedules so a few runs pass quickly.</summary>
    private static string Jobs(string registry, string work) => $"""
          - name: probe-{registry}
            type: probe
            registry: {registry}
            schedule: "* * * * * *"
            options:
              upstream_state: {Path.Combine(work, registry + ".upstream")}
          - name: scan-{registry}
            type: scan
            registry: {registry}
            schedule: "*/2 * * * * *"
            options:
              fix: true
              journal_dir: {Path.Combine(work, "journals-" + registry)}
        """;
}
