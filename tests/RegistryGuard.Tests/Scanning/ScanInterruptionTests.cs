using RegistryGuard.Common;
using RegistryGuard.Scanning;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Scanning;

/// <summary>A scan stopped by a signal while reading concludes nothing and changes nothing.</summary>
public sealed class ScanInterruptionTests : IDisposable
{
    private readonly StorageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task A_scan_stopped_before_it_finished_reports_interrupted_with_no_findings_and_makes_no_repair()
    {
        var image = _tree.Image("team/app");
        _tree.Tag("team/app", "1", image);
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        var report = ScanRun.Execute(new Scanner(new ScanOptions(_tree.Root), _tree.FileSystem), fix: true, "/journal.jsonl", stopped.Token);

        Assert.True(report.Interrupted);
        Assert.Empty(report.Findings);
        Assert.Equal(ExitCodes.Interrupted, report.ExitCode);
        Assert.False(_tree.FileSystem.File.Exists("/journal.jsonl"));
    }
}
