using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Runs;

namespace RegistryGuard.IntegrationTests.Scanning;

/// <summary>
/// The scan reads a live registry: skopeo keeps pushing (new repositories, new tags, a tag moved on every push, into
/// the broken repository too) while scan and scan --fix run. A push seen half-way (a tag read after its revision
/// link was listed) must never be reported, and the real breakage must still be reported exactly.
/// </summary>
public sealed class ScanDuringPushTests
{
    private const int Scans = 10;

    [Fact]
    public async Task Scans_racing_continuous_pushes_report_exactly_the_real_breakage_and_fix_repairs_only_it()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var v2 = seeded.Registry.V2Root;
        var removed = Breakage.RemoveTagLikeCleanupScript(v2, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);
        var baseline = await ScanAsync(seeded);
        Assert.True(baseline.ExitCode == 1, baseline.Combined);
        var expected = Identities(JsonReport.Parse(baseline.StandardOutput));
        Assert.All(JsonReport.Parse(baseline.StandardOutput).Findings, f => Assert.Equal("orphaned_child", f.Kind));
        Assert.Equal(removed.Select(d => d.ToString()).Order(StringComparer.Ordinal),
            JsonReport.Parse(baseline.StandardOutput).Findings.Select(f => f.Digest!).Distinct().Order(StringComparer.Ordinal));

        using var stop = new CancellationTokenSource();
        var firstPush = new TaskCompletionSource();
        var pusher = PushContinuouslyAsync(seeded, firstPush, stop.Token);
        var pushesBeforeScans = 0;
        var pushesAfterScans = 0;
        try
        {
            await firstPush.Task;
            pushesBeforeScans = Pushes;
            for (var i = 0; i < Scans; i++)
            {
                var scan = await ScanAsync(seeded);
                Assert.True(scan.ExitCode == 1, $"scan {i + 1}: {scan.Combined}");
                var report = JsonReport.Parse(scan.StandardOutput);
                Assert.Equal(expected, Identities(report));
                Assert.Equal(removed.Count, report.SummaryInt("repairs_planned"));
            }

            var journal = Path.Combine(seeded.Registry.RootDirectory, "fix.jsonl");
            var fix = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal, "--output", "json");
            Assert.True(fix.ExitCode == 0, fix.Combined);
            Assert.Equal(removed.Count, JsonReport.Parse(fix.StandardOutput).SummaryInt("repairs_made"));
            pushesAfterScans = Pushes;
        }
        finally
        {
            await stop.CancelAsync();
            await pusher;
        }

        Assert.True(pushesAfterScans > pushesBeforeScans, "no push landed while the scans ran");
        var after = await ScanAsync(seeded);
        Assert.True(after.ExitCode == 0, after.Combined);
        Assert.Empty(JsonReport.Parse(after.StandardOutput).Findings);
    }

    /// <summary>
    /// Found by the serve soak test: a push writes a tag's index link, then its current link, and on a loaded machine
    /// the registry can pause between the two long enough for the scan's confirming re-read (which used to follow at
    /// once) to see the same half-written tag and report <c>missing_tag_link</c>. Hundreds of in-process scans
    /// (a process per scan is too slow to meet the gap) while a client pushes a build every 50 ms: before the
    /// re-read waited, about one scan in sixty failed.
    /// </summary>
    [Fact]
    public async Task Fixing_scans_racing_rapid_pushes_never_report_a_tag_being_written()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var journals = Directory.CreateTempSubdirectory("race-journals-").FullName;
        await using var pusher = new Soak.SoakPusher(seeded.Registry.Url, () => Task.FromResult(true), TimeSpan.FromMilliseconds(50));
        await pusher.SeedAsync(CancellationToken.None);
        pusher.Resume();
        var failed = new List<string>();
        // At least 250 scans and, on a machine loaded enough to slow the pushes down, on until 20 builds have landed
        // (a CI run once ended its 250 scans after 10): the scans must meet pushes, however long that takes, within reason.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; (i < 250 || pusher.Builds <= 20) && clock.Elapsed < TimeSpan.FromMinutes(3) && failed.Count == 0; i++)
        {
            var outcome = await new ScanService().RunAsync(new ScanRunOptions(seeded.Registry.StorageRoot) { Fix = true, JournalDirectory = journals }, null, CancellationToken.None);
            var report = outcome.Report!;
            failed.AddRange((report.Remaining ?? report.Findings).Where(f => f.Severity == Severity.Failure)
                .Select(f => $"scan {i} after {pusher.Builds} builds: {f.Kind.WireName()} {f.Repository}:{f.Tag} {f.Digest} {f.Detail}"));
        }

        await pusher.PauseAsync();
        Assert.True(failed.Count == 0, string.Join('\n', failed));
        Assert.True(pusher.Builds > 20, $"only {pusher.Builds} builds landed while the scans ran");
    }

    private int _pushes;

    private int Pushes => Volatile.Read(ref _pushes);

    private static Task<ProcessResult> ScanAsync(SeededRegistry seeded) =>
        CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--output", "json");

    private static List<string> Identities(JsonReport report) =>
        [.. report.Findings.Select(f => $"{f.Kind} {f.Severity} {f.Repository} {f.Tag} {f.Parent} {f.Digest}").Order(StringComparer.Ordinal)];

    /// <summary>Distinct multi-platform images (index, children, attestations, new layers), alternately into the broken repository.</summary>
    private async Task PushContinuouslyAsync(SeededRegistry seeded, TaskCompletionSource firstPush, CancellationToken stop)
    {
        try
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var amd64 = ImageFactory.Image(new Platform("linux", "amd64"), ImageFactory.Layer($"race-{i}-amd64", 4096));
                var arm64 = ImageFactory.Image(new Platform("linux", "arm64"), ImageFactory.Layer($"race-{i}-arm64", 4096));
                var index = ImageFactory.Index([(new Platform("linux", "amd64"), amd64), (new Platform("linux", "arm64"), arm64)], revision: $"race-{i}");
                var tag = i % 3 == 0 ? "moving" : $"t{i}";
                var repository = i % 2 == 0 ? DemoContent.AppRepository : $"race/app{i % 4}";
                var layout = Path.Combine(seeded.Registry.RootDirectory, "layouts", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                OciLayoutWriter.Write(layout, new Dictionary<string, ManifestArtifact> { [tag] = index });
                var pushed = await Skopeo.PushLayoutAsync(layout, tag, seeded.Registry.HostPort, repository);
                Assert.True(pushed.ExitCode == 0, pushed.Combined);
                Directory.Delete(layout, recursive: true);
                Interlocked.Increment(ref _pushes);
                firstPush.TrySetResult();
            }
        }
        catch (Exception ex)
        {
            firstPush.TrySetException(ex);
            throw;
        }
    }
}
