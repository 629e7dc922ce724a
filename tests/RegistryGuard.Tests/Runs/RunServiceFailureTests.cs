using RegistryGuard.Common;
using RegistryGuard.Runs;

namespace RegistryGuard.Tests.Runs;

/// <summary>Targets that cannot be read end every verb the same way: exit 3, one line saying why, and a push that keeps the last results.</summary>
public sealed class RunServiceFailureTests
{
    // Nothing listens on port 1: the connection is refused at once, no timing involved.
    private static readonly Uri Nowhere = new("http://127.0.0.1:1/");
    private static readonly string Missing = Path.Combine(Path.GetTempPath(), "registryguard-no-such-storage-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_probe_of_an_unreachable_registry_exits_3_and_does_not_claim_a_completed_run()
    {
        var outcome = await new ProbeService().RunAsync(new ProbeRunOptions(new RegistryConnection(Nowhere) { Retries = 0 }), progress: null, CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.StartsWith("registry could not be read: ", outcome.Summary, StringComparison.Ordinal);
        Assert.Equal($"http://127.0.0.1:1: {outcome.Report!.FatalError}", outcome.Error); // the one error line names the registry
        Assert.False(outcome.Metrics.Completed);
    }

    [Fact]
    public async Task A_scan_of_a_missing_root_exits_3()
    {
        var outcome = await new ScanService().RunAsync(new ScanRunOptions(Missing), progress: null, CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.StartsWith("storage could not be read: ", outcome.Summary, StringComparison.Ordinal);
        Assert.False(outcome.Metrics.Completed);
    }

    [Fact]
    public async Task A_prune_of_a_missing_root_exits_3_with_no_report()
    {
        var outcome = await new PruneService().RunAsync(PruneRunOptions.OnStorage(Missing), CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.Null(outcome.Report);
        Assert.Equal($"prune could not read its target: {outcome.Error}", outcome.Summary);
        Assert.False(outcome.Metrics.Completed);
    }

    [Fact]
    public async Task A_prune_over_an_unreachable_api_names_the_registry()
    {
        var outcome = await new PruneService().RunAsync(PruneRunOptions.OverApi(new RegistryConnection(Nowhere) { Retries = 0 }), CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.StartsWith("http://127.0.0.1:1: ", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_push_is_reported_and_keeps_a_worse_exit_code()
    {
        var push = new PushSettings(Nowhere);

        var outcome = await new ScanService().RunAsync(new ScanRunOptions(Missing) { Push = push }, progress: null, CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode); // 3 stays 3; only a clean run becomes 4
        Assert.StartsWith("cannot reach the Pushgateway at http://127.0.0.1:1", outcome.PushError, StringComparison.Ordinal);
        Assert.EndsWith("; metrics push failed: " + outcome.PushError, outcome.Summary, StringComparison.Ordinal);
    }
}
