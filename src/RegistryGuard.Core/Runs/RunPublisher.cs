using RegistryGuard.Common;
using RegistryGuard.Metrics;

namespace RegistryGuard.Runs;

/// <summary>The push every verb ends with: a failed push is reported and turns a clean exit into exit 4.</summary>
internal static class RunPublisher
{
    /// <remarks>
    /// The push is not cancelled with the run: a run that finished publishes its result even while the process
    /// stops (serve's read-only jobs are cancelled at shutdown); the gateway client's timeout bounds it.
    /// </remarks>
    public static async Task<RunOutcome<T>> PublishAsync<T>(RunOutcome<T> outcome, PushSettings? push, GroupingKey? key)
        where T : class
    {
        if (push is null || key is null)
        {
            return outcome;
        }

        try
        {
            using var client = new PushgatewayClient(push.Gateway);
            await client.PushAsync(key, outcome.Metrics, CancellationToken.None).ConfigureAwait(false);
            return outcome;
        }
        catch (PushgatewayException ex)
        {
            return outcome with
            {
                ExitCode = ExitCodes.AfterFailedReport(outcome.ExitCode),
                Summary = $"{outcome.Summary}; metrics push failed: {ex.Message}",
                PushError = ex.Message,
            };
        }
    }
}
