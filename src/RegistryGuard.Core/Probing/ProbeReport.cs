using RegistryGuard.Findings;
using RegistryGuard.Common;

namespace RegistryGuard.Probing;

/// <param name="FatalError">Why the registry could not be read at all (exit 3), or null.</param>
public sealed record ProbeReport(ProbeSummary Summary, IReadOnlyList<Finding> Findings, string? FatalError = null)
{
    /// <summary>
    /// Stopped before the walk finished: the counts are what was checked, the findings those of the repositories
    /// whose walk completed (a half-walked repository concludes nothing).
    /// </summary>
    public bool Interrupted { get; init; }

    /// <summary>What was checked, when one image was: <c>repository:tag</c> or <c>repository@digest</c> (verify).</summary>
    public string? Reference { get; init; }

    public int ExitCode => Interrupted ? ExitCodes.Interrupted
        : FatalError is not null ? ExitCodes.RegistryUnavailable
        : Findings.Any(f => f.Severity == Severity.Failure) ? ExitCodes.Findings
        : ExitCodes.Clean;
}
