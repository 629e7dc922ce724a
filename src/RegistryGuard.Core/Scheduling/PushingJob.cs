using RegistryGuard.Metrics;
using RegistryGuard.Reporting;

namespace RegistryGuard.Scheduling;

/// <summary>Pushes a job's metrics to a Pushgateway after each run, as the CLI's --pushgateway does.</summary>
public sealed class PushingJob(IScheduledJob inner, PushgatewayClient gateway, GroupingKey key) : IScheduledJob
{
    public bool Mutating => inner.Mutating;

    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var result = await inner.RunAsync(cancellationToken).ConfigureAwait(false);
        if (result.Metrics is null)
        {
            return result;
        }

        try
        {
            await gateway.PushAsync(key, result.Metrics, CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        catch (PushgatewayException ex)
        {
            return result with
            {
                ExitCode = ExitCodes.AfterFailedReport(result.ExitCode),
                Summary = $"{result.Summary}; metrics push failed: {ex.Message}",
            };
        }
    }
}
