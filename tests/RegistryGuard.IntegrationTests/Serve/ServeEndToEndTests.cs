using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Metrics;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.Serve;

/// <summary>serve as the VM would run it: a real process, a real registry, real time, SIGTERM at the end.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ServeEndToEndTests
{
    [Fact]
    public async Task Serve_runs_probe_and_gc_on_schedule_reports_them_and_exits_cleanly_on_sigterm()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        var port = FreePort.Next();
        var config = Path.Combine(seeded.Registry.RootDirectory, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            time_zone: Europe/London
            registries:
              - name: main
                url: {seeded.Url}
            jobs:
              - name: probe-every-second
                type: probe
                registry: main
                schedule: "* * * * * *"
                options:
                  concurrency: 4
              - name: gc-dry-run
                type: gc
                registry: main
                schedule: "*/2 * * * * *"
                options:
                  command: {RequiredTool.Path("docker-registry")}
                  config: {seeded.Registry.ConfigPath}
                  dry_run: true
            """);

        await using var serve = CliProcess.Start("serve", "--config", config);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var status = await PollAsync(serve, http, s => s.GetProperty("jobs").EnumerateArray().All(j => j.GetProperty("runs").GetInt64() >= 2 && j.GetProperty("last_run").ValueKind == JsonValueKind.Object));

        var probe = status.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "probe-every-second");
        Assert.Equal(1, probe.GetProperty("last_run").GetProperty("exit_code").GetInt32());
        Assert.Equal("findings", probe.GetProperty("last_run").GetProperty("result").GetString());
        Assert.True(probe.GetProperty("next_run").GetDateTimeOffset() > probe.GetProperty("last_run").GetProperty("scheduled_at").GetDateTimeOffset());
        var gc = status.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "gc-dry-run");
        Assert.True(gc.GetProperty("mutating").GetBoolean());
        Assert.Equal(0, gc.GetProperty("last_run").GetProperty("exit_code").GetInt32());
        Assert.Equal("ok\n", await http.GetStringAsync("healthz"));

        var metrics = await http.GetStringAsync("metrics");
        var check = await PushgatewayTests.PromtoolCheckAsync(metrics);
        Assert.True(check.ExitCode == 0, check.Combined + metrics);
        var samples = ScrapedSample.Parse(metrics);
        var missing = samples.Single(s => s.Name == ProbeMetrics.Failures && s.Labels["kind"] == "missing_manifest" && s.Labels["task"] == "probe-every-second");
        var cli = JsonReport.Parse((await CliRunner.RunAsync("probe", "--registry", seeded.Url, "-o", "json")).StandardOutput);
        Assert.Equal(cli.Failures.Count(f => f.Kind == "missing_manifest"), missing.Value);
        Assert.True(missing.Value > 0);
        Assert.Contains(samples, s => s.Name == "registryguard_scheduler_runs_total" && s.Labels["task"] == "gc-dry-run" && s.Value >= 2);
        Assert.Contains(samples, s => s.Name == "registryguard_gc_run_success" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "registryguard_scheduler_skipped_runs_total");

        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal(0, await serve.WaitForExitAsync());
        Assert.Contains("serve: stopped", serve.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_scan_with_fix_repairs_the_post_mortem_breakage_and_the_probe_then_reads_clean()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);
        var port = FreePort.Next();
        var journals = Path.Combine(seeded.Registry.RootDirectory, "journals");
        var config = Path.Combine(seeded.Registry.RootDirectory, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            registries:
              - name: vm
                url: {seeded.Url}
                storage_root: {seeded.Registry.StorageRoot}
            jobs:
              - name: scan-fix
                type: scan
                registry: vm
                schedule: "*/2 * * * * *"
                options:
                  fix: true
                  journal_dir: {journals}
              - name: probe
                type: probe
                registry: vm
                schedule: "* * * * * *"
            """);

        await using var serve = CliProcess.Start("serve", "--config", config);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var status = await PollAsync(serve, http, s => s.GetProperty("jobs").EnumerateArray().All(j =>
            j.GetProperty("last_run").ValueKind == JsonValueKind.Object && j.GetProperty("last_run").GetProperty("exit_code").GetInt32() == 0));

        var scan = status.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == "scan-fix");
        Assert.True(scan.GetProperty("mutating").GetBoolean());
        Assert.Single(Directory.GetFiles(journals)); // the first run repaired and journaled; later runs had nothing to do
        var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, "demo/app:latest");
        Assert.True(pull.ExitCode == 0, pull.Combined);
        await ProcessRunner.RunAsync("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, await serve.WaitForExitAsync());
    }

    [Fact]
    public async Task An_invalid_config_exits_2_naming_line_and_key()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("serve-config-").FullName, "serve.yml");
        await File.WriteAllTextAsync(config, "registries:\n  - name: main\n    url: http://127.0.0.1:5000\njobs:\n  - name: p\n    type: probe\n    registry: main\n    schedule: every night\n");

        var result = await CliRunner.RunAsync("serve", "--config", config);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("serve.yml:8: jobs[0].schedule:", result.StandardError, StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> PollAsync(CliProcess serve, HttpClient http, Func<JsonElement, bool> done)
    {
        // Real time passes here (the schedule fires every second); the loop ends on a condition, never on a clock.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(serve.HasExited, serve.Output);
            try
            {
                using var document = JsonDocument.Parse(await http.GetStringAsync("status"));
                if (done(document.RootElement))
                {
                    return document.RootElement.Clone();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("serve did not run its jobs; output:\n" + serve.Output);
    }
}
