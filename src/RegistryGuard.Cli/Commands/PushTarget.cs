using RegistryGuard.Metrics;
using RegistryGuard.Reporting;

namespace RegistryGuard.Cli.Commands;

internal sealed record PushTarget(Uri Gateway, GroupingKey Key)
{
    /// <summary>Pushes the run; a failed push is reported and turns a clean exit into <see cref="ExitCodes.ReportingFailed"/>.</summary>
    public async Task<int> PushAsync(RunMetrics run, int exitCode, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new PushgatewayClient(Gateway);
            await client.PushAsync(Key, run, cancellationToken).ConfigureAwait(false);
            return exitCode;
        }
        catch (PushgatewayException ex)
        {
            await Console.Error.WriteLineAsync("error: metrics push failed: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.AfterFailedReport(exitCode);
        }
    }
}
