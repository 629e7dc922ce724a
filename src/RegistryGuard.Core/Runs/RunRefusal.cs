using RegistryGuard.Common;
using RegistryGuard.Metrics;

namespace RegistryGuard.Runs;

/// <summary>A run refused before it started (a place it must write cannot be written): exit 2, nothing pushed.</summary>
internal static class RunRefusal
{
    public static RunOutcome<TReport> Of<TReport>(string error)
        where TReport : class =>
        new(null, ExitCodes.Usage, error, RunMetrics.None) { Error = error };
}
