using System.Diagnostics;
using System.Globalization;
using RegistryGuard.Common;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// serve for months, compressed: the real binary against the real registry and Pushgateway with second-level
/// schedules (probe every second, scans, an applying prune and a fixing scan every few seconds, plain gc every
/// minute) while a client keeps pushing, with the registry restarted and the gateway down in between. The CI form
/// runs ~2.5 minutes; <c>bench/soak.sh</c> runs it for half an hour and writes the figures into docs/reliability.md.
/// </summary>
public sealed class ServeSoakTests(ITestOutputHelper output)
{
    /// <summary>How long a line serve wrote may take to reach the test through the pipe (generous; it only widens the edges).</summary>
    private static readonly TimeSpan LineLag = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Serve_stays_flat_and_correct_through_restarts_and_outages()
    {
        var settings = SoakSettings.FromEnvironment();
        await using var rig = await SoakRig.StartAsync();
        await using var sampler = new ResourceSampler(rig.Serve.Id, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        rig.Pusher.Resume();
        await rig.WaitForAsync(s => new[] { SoakRig.Probe, SoakRig.Scan, SoakRig.ScanFix, SoakRig.Prune }.All(j => s[j].LastFinished is not null), "every job's first run");
        await SoakCheckpoint.VerifyAsync(rig, "after the warm-up");
        var warmUp = clock.Elapsed;
        var checkpoints = 1;
        var outages = new List<SoakOutage>();
        for (var i = 0; i < settings.Outages; i++)
        {
            await WaitUntilAsync(clock, settings.Period * (i + 1));
            var kind = i % 2 == 0 ? OutageKind.Registry : OutageKind.Gateway;
            outages.Add(await OutageAsync(rig, kind, settings.OutageLength));
            await SoakCheckpoint.VerifyAsync(rig, $"after outage {i + 1} ({kind})");
            checkpoints++;
            Log($"{clock.Elapsed:mm\\:ss} outage {i + 1} ({kind}) survived; {rig.Pusher.Builds} builds pushed");
        }

        await WaitUntilAsync(clock, settings.Duration);
        await SoakCheckpoint.VerifyAsync(rig, "at the end");
        checkpoints++;
        await PullEverySoakTagAsync(rig);
        var status = await rig.StatusAsync();
        await rig.Pusher.PauseAsync();
        var duration = clock.Elapsed;
        var shutdown = rig.Lines().Count;
        var kill = await ProcessRunner.RunAsync("kill", ["-TERM", rig.Serve.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal(0, await rig.Serve.WaitForExitAsync());
        Assert.Contains("serve: stopped", rig.Serve.Output, StringComparison.Ordinal);

        var log = ServeLog.Parse(rig.Lines());
        var overlaps = log.OverlapsWithMutating(SoakRig.MutatingJobs);
        var figures = new SoakFigures(duration,
            SoakRig.Jobs.ToDictionary(j => j, j => log.Runs.Count(r => r.Job == j)),
            SoakRig.Jobs.ToDictionary(j => j, j => status[j].Skips),
            outages.Count(o => o.Kind == OutageKind.Registry), outages.Count(o => o.Kind == OutageKind.Gateway), settings.OutageLength,
            checkpoints, rig.Pusher.Builds, overlaps.Count, ResourceTrend.Of(sampler.Samples, warmUp), sampler.Samples.Count);
        Log(figures.ToMarkdown());
        Log("exit codes: " + string.Join(", ", log.Runs.GroupBy(r => (r.Job, r.ExitCode)).OrderBy(g => g.Key).Select(g => $"{g.Key.Job}={g.Key.ExitCode} x{g.Count()}")));
        if (settings.ReportPath is { } report)
        {
            await File.WriteAllTextAsync(report, figures.ToMarkdown());
        }

        // A read-only run still going at SIGTERM is cancelled (130); every other run ends as its outage rules say.
        var wrong = log.Runs.Where(r => !SoakOutage.AllowedExitCodes(r, outages).Contains(r.ExitCode) && !(r.FinishLine >= shutdown && r.ExitCode == 130)).ToList();
        Assert.True(wrong.Count == 0, $"runs that ended wrongly (outages {string.Join(", ", outages)}):\n" + string.Join('\n', wrong.Take(20)));
        Assert.True(overlaps.Count == 0, "runs overlapping a mutating one:\n" + string.Join('\n', overlaps.Take(20)));
        Assert.Empty(log.Unfinished);
        Assert.True(figures.Trend.Growth() is null, $"serve grew over the soak: {figures.Trend.Growth()}");
        Assert.True(figures.Runs >= settings.MinimumRuns, $"only {figures.Runs} runs");
    }

    private static async Task<SoakOutage> OutageAsync(SoakRig rig, OutageKind kind, TimeSpan length)
    {
        await rig.Pusher.PauseAsync();
        var stopping = rig.Lines().Count;
        if (kind == OutageKind.Registry)
        {
            rig.Registry.Registry.Stop();
        }
        else
        {
            await rig.Gateway.StopAsync();
        }

        var down = DateTimeOffset.UtcNow;
        await Task.Delay(LineLag);
        var stopped = rig.Lines().Count;
        await Task.Delay(length);
        await (kind == OutageKind.Registry ? SoakCheckpoint.VerifyRegistryDownAsync(rig, down) : SoakCheckpoint.VerifyGatewayDownAsync(rig, down));
        var resuming = rig.Lines().Count;
        await (kind == OutageKind.Registry ? rig.Registry.Registry.ResumeAsync() : rig.Gateway.ResumeAsync());
        await Task.Delay(LineLag);
        return new SoakOutage(kind, stopping, stopped, resuming, rig.Lines().Count);
    }

    private static async Task PullEverySoakTagAsync(SoakRig rig)
    {
        foreach (var tag in (await RegistryTruth.ReadAsync(rig.Registry.Registry.Url)).SoakTags)
        {
            var pull = await Infrastructure.Skopeo.PullAllAsync(rig.Registry.Registry.HostPort, $"{SoakImages.Repository}:{tag}");
            Assert.True(pull.ExitCode == 0, $"{SoakImages.Repository}:{tag}: {pull.Combined}");
        }
    }

    private static async Task WaitUntilAsync(Stopwatch clock, TimeSpan at)
    {
        if (at > clock.Elapsed)
        {
            await Task.Delay(at - clock.Elapsed);
        }
    }

    private void Log(string line) => output.WriteLine(line);
}
