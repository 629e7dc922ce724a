namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>
/// One row of the breakage matrix: how to break the corpus (repaired afterwards), and exactly which failures probe and scan must
/// then report (nothing else). <see cref="Deep"/> runs both with --deep (same-size corruption is only found by hashing).
/// </summary>
internal sealed record BreakageCase(
    string Name,
    Action<StorageDamage, CorpusFacts> Break,
    Func<CorpusFacts, IReadOnlyList<ExpectedFinding>> Probe,
    Func<CorpusFacts, IReadOnlyList<ExpectedFinding>> Scan)
{
    public bool Deep { get; init; }

    public override string ToString() => Name;
}
