using RegistryGuard.Findings;

namespace RegistryGuard.Scanning;

/// <summary>What facts come to: the findings, and the repairs --fix would make for the repairable ones.</summary>
internal sealed record ScanVerdict(IReadOnlyList<Finding> Findings, IReadOnlyList<RepairAction> Repairs);
