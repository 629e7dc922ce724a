using RegistryGuard.Findings;
using RegistryGuard.Reporting;

namespace RegistryGuard.Scanning;

/// <param name="Repairs">What --fix would do (dry run) or did (each marked applied).</param>
/// <param name="RepairErrors">Repairs skipped during --fix, each with its reason.</param>
/// <param name="FatalError">Why the storage could not be read at all (exit 3), or null.</param>
public sealed record ScanReport(
    ScanSummary Summary,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<RepairAction> Repairs,
    IReadOnlyList<string> RepairErrors,
    string? FatalError = null)
{
    /// <summary>Failure findings still standing: a finding --fix repaired no longer counts.</summary>
    public IEnumerable<Finding> OutstandingFailures
    {
        get
        {
            var repaired = Repairs.Where(r => r.Applied).Select(r => (r.Repository, r.Digest.ToString(), r.Finding.Kind)).ToHashSet();
            return Findings.Where(f => f.Severity == Severity.Failure && !repaired.Contains((f.Repository, f.Digest ?? "", f.Kind)));
        }
    }

    public int ExitCode => FatalError is not null ? ExitCodes.RegistryUnavailable
        : OutstandingFailures.Any() ? ExitCodes.Findings
        : ExitCodes.Clean;
}
