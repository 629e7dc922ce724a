using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Runs;

namespace RegistryGuard.Tests.Runs;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GarbageCollectServiceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gc-service-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_clean_garbage_collect_reports_its_last_line_and_a_fresh_success()
    {
        var options = new GarbageCollectRunOptions("/etc/registry.yml") { Command = Script("echo \"$@\"; echo '3 blobs eligible for deletion'"), DryRun = true };

        var outcome = await new GarbageCollectService().RunAsync(options, CancellationToken.None);

        Assert.Equal(ExitCodes.Clean, outcome.ExitCode);
        Assert.Equal("garbage-collect --dry-run done: 3 blobs eligible for deletion", outcome.Summary);
        Assert.StartsWith("garbage-collect --dry-run /etc/registry.yml", outcome.Report!.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(outcome.Metrics.Families, f => f.Name == GarbageCollectMetrics.LastSuccess);
    }

    [Fact]
    public async Task A_failed_garbage_collect_exits_3_and_keeps_the_last_success_time()
    {
        var options = new GarbageCollectRunOptions("/etc/registry.yml") { Command = Script("echo 'failed to mark' >&2; exit 2") };

        var outcome = await new GarbageCollectService().RunAsync(options, CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.Equal("garbage-collect exited 2: failed to mark", outcome.Summary);
        Assert.DoesNotContain(outcome.Metrics.Families, f => f.Name == GarbageCollectMetrics.LastSuccess);
    }

    [Fact]
    public async Task A_command_that_cannot_start_says_so()
    {
        var options = new GarbageCollectRunOptions("/etc/registry.yml") { Command = Path.Combine(_directory, "no-such-registry") };

        var outcome = await new GarbageCollectService().RunAsync(options, CancellationToken.None);

        Assert.Equal(ExitCodes.RegistryUnavailable, outcome.ExitCode);
        Assert.StartsWith("garbage-collect could not run: ", outcome.Summary, StringComparison.Ordinal);
        Assert.Null(outcome.Report);
    }

    private string Script(string body)
    {
        var path = Path.Combine(_directory, $"registry-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
