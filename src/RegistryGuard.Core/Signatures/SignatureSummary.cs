namespace RegistryGuard.Signatures;

/// <summary>Counts of a run's signature checks, by manifest checked (several tags may share one).</summary>
public sealed record SignatureSummary(IReadOnlyList<string> KeyFingerprints, int Checked, int Valid, int NotSigned, int Invalid, int Orphaned, int Unchecked);
