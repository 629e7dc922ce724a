using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Faults;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;
using RegistryGuard.Pruning.Execution;

namespace RegistryGuard.IntegrationTests.Signals;

/// <summary>
/// Real SIGINT and SIGTERM sent to the CLI while a request is held in flight by a proxy in front of the real registry:
/// the run stops issuing requests, finishes the change in flight, prints its partial summary, pushes an interrupted
/// status to the real Pushgateway and exits 130 or 143. The moment of the signal is a fact (a request is held),
/// never a sleep. Part of the native suite: the native executable handles the signals itself too.
/// </summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class SignalTests
{
    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public async Task A_probe_stopped_by_a_signal_prints_its_partial_summary_pushes_interrupted_and_exits_with_the_signal_code(string signal, int exitCode)
    {
        InheritedSignals.AssertNotIgnored(signal);
        await using var seeded = await SeededRegistry.StartAsync();
        var held = new HeldRequests();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule(@"^HEAD /v2/.*/blobs/", FaultRate.Always, held.Fault));
        await using var gateway = await Pushgateway.StartAsync();

        await using var probe = CliSession.Start("probe", "--registry", proxy.Url.ToString(), "-o", "json", "--pushgateway", gateway.Url.ToString());
        await held.WaitAsync();
        await probe.SignalAsync(signal);
        var result = await probe.WaitForExitAsync();

        Assert.Equal(exitCode, result.ExitCode);
        using var report = JsonDocument.Parse(result.StandardOutput);
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("interrupted").GetBoolean());
        Assert.Contains("interrupted", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        var samples = await gateway.SamplesAsync();
        Assert.Contains(samples, s => s.Name == ProbeMetrics.RunInterrupted && s.Value == 1);
        Assert.Contains(samples, s => s.Name == ProbeMetrics.RunSuccess && s.Value == 0);
        Assert.DoesNotContain(samples, s => s.Name == ProbeMetrics.LastSuccess); // an interrupted run is never a success
    }

    [Fact]
    public async Task An_api_prune_stopped_during_a_delete_finishes_that_delete_records_it_in_the_bundle_and_starts_no_other()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var held = new HeldRequests();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule("^DELETE ", FaultRate.Always, held.Fault));
        await using var gateway = await Pushgateway.StartAsync();
        var backup = Path.Combine(seeded.Registry.RootDirectory, "bundle");

        await using var prune = CliSession.Start("prune", "--registry", proxy.Url.ToString(), "--keep", "0", "--protect", "none", "--order", "name",
            "--apply", "--backup", backup, "-o", "json", "--pushgateway", gateway.Url.ToString());
        await held.WaitAsync();
        await prune.SignalAsync("TERM");
        await prune.WaitForOutputAsync("SIGTERM: stopping"); // the token is cancelled before this line is printed
        held.Release();
        var result = await prune.WaitForExitAsync();

        Assert.Equal(ExitCodes.Terminated, result.ExitCode);
        Assert.Equal(1, held.Count); // no delete after the one in flight
        using var report = JsonDocument.Parse(result.StandardOutput);
        Assert.True(report.RootElement.GetProperty("summary").GetProperty("interrupted").GetBoolean());
        var deleted = report.RootElement.GetProperty("execution").GetProperty("deleted");
        Assert.Equal(1, deleted.GetArrayLength());
        var entry = Assert.Single(RestoreBundle.Read(backup));
        Assert.True(entry.Deleted);
        Assert.Equal(deleted[0].GetProperty("digest").GetString(), entry.Digest.ToString());
        var samples = await gateway.SamplesAsync();
        Assert.Contains(samples, s => s.Name == PruneMetrics.RunInterrupted && s.Value == 1);
        Assert.Contains(samples, s => s.Name == PruneMetrics.ManifestsDeleted && s.Value == 1);
    }

    [Fact]
    public async Task Serve_stopped_by_sigterm_during_a_probe_job_cancels_it_pushes_interrupted_and_exits_0()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var held = new HeldRequests();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule(@"^HEAD /v2/.*/blobs/", FaultRate.Always, held.Fault));
        await using var gateway = await Pushgateway.StartAsync();
        var config = Path.Combine(seeded.Registry.RootDirectory, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{FreePort.Next()}
            pushgateway: {gateway.Url}
            registries:
              - name: main
                url: {proxy.Url}
            jobs:
              - name: probe-every-second
                type: probe
                registry: main
                schedule: "* * * * * *"
            """);

        await using var serve = CliSession.Start("serve", "--config", config);
        await held.WaitAsync();
        await serve.SignalAsync("TERM");
        var result = await serve.WaitForExitAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("serve: stopped", result.StandardError, StringComparison.Ordinal);
        var samples = await gateway.SamplesAsync();
        Assert.Contains(samples, s => s.Name == ProbeMetrics.RunInterrupted && s.Value == 1);
    }

    [Theory]
    [InlineData("INT", ExitCodes.Interrupted)]
    [InlineData("TERM", ExitCodes.Terminated)]
    public async Task Demo_keep_stopped_by_a_signal_stops_its_registry_and_removes_its_storage(string signal, int exitCode)
    {
        InheritedSignals.AssertNotIgnored(signal);
        await using var demo = CliSession.Start("demo", "--keep");
        await demo.WaitForOutputAsync("Registry left running at");
        var started = Regex.Match(demo.StandardOutput, @"Registry left running at http://127\.0\.0\.1:(?<port>\d+)/ \(storage (?<storage>\S+)\)");
        Assert.True(started.Success, demo.StandardOutput);
        var root = Path.GetDirectoryName(started.Groups["storage"].Value)!;
        Assert.True(Directory.Exists(root));

        await demo.SignalAsync(signal);
        var result = await demo.WaitForExitAsync();

        Assert.Equal(exitCode, result.ExitCode);
        Assert.False(Directory.Exists(root), $"{root} was left behind");
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", int.Parse(started.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
