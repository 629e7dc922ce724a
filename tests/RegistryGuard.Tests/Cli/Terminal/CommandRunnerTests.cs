using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;

namespace RegistryGuard.Tests.Cli.Terminal;

public sealed class CommandRunnerTests
{
    [Fact]
    public async Task An_unexpected_exception_is_the_documented_internal_error_code_not_a_crash()
    {
        var exit = await CommandRunner.RunAsync(() => throw new InvalidOperationException("boom\nsecond line"));

        Assert.Equal(ExitCodes.InternalError, exit);
    }

    [Fact]
    public async Task Usage_problems_and_files_that_cannot_be_written_are_exit_2()
    {
        Assert.Equal(ExitCodes.Usage, await CommandRunner.RunAsync(() => throw new UsageException("bad flag")));
        Assert.Equal(ExitCodes.Usage, await CommandRunner.RunAsync(() => throw new UnauthorizedAccessException("denied")));
        Assert.Equal(ExitCodes.Usage, await CommandRunner.RunAsync(() => throw new IOException("read-only")));
    }

    [Fact]
    public async Task A_run_cancelled_before_it_could_report_is_interrupted()
    {
        Assert.Equal(ExitCodes.Interrupted, await CommandRunner.RunAsync(() => throw new OperationCanceledException()));
    }
}
