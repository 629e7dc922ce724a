using RegistryGuard.Findings;
using RegistryGuard.Common;

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
    /// <summary>After --fix: the findings of a second scan of the repaired storage (null in a dry run).</summary>
    public IReadOnlyList<Finding>? Remaining { get; init; }

    /// <summary>
    /// Stopped by a signal: a scan stopped while reading concludes nothing (no findings); one stopped while repairing
    /// lists the repairs made, each journaled, and the journal has its end record.
    /// </summary>
    public bool Interrupted { get; init; }

    public int ExitCode => Interrupted ? ExitCodes.Interrupted
        : FatalError is not null ? ExitCodes.RegistryUnavailable
        : Remaining is not null ? (Remaining.Any(f => f.Severity == Severity.Failure) ? ExitCodes.Findings : ExitCodes.Clean)
        : Findings.Any(f => f.Severity == Severity.Failure) ? ExitCodes.Findings
        : ExitCodes.Clean;
}
