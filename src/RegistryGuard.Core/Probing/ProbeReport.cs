using RegistryGuard.Findings;
using RegistryGuard.Common;

namespace RegistryGuard.Probing;

/// <param name="FatalError">Why the registry could not be read at all (exit 3), or null.</param>
public sealed record ProbeReport(ProbeSummary Summary, IReadOnlyList<Finding> Findings, string? FatalError = null)
{
    public int ExitCode => FatalError is not null ? ExitCodes.RegistryUnavailable
        : Findings.Any(f => f.Severity == Severity.Failure) ? ExitCodes.Findings
        : ExitCodes.Clean;
}
