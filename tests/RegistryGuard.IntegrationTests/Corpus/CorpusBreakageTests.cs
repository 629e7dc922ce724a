using RegistryGuard.IntegrationTests.Corpus.Breakage;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// The breakage matrix: on the healthy corpus, one breakage at a time (repaired after each), probe and scan report
/// exactly the expected failures and nothing else, and agree on which (repository, digest) pairs are broken.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusBreakageTests(CorpusFixture corpus, ITestOutputHelper output)
{
    public static TheoryData<string> Cases => [.. BreakageMatrix.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Probe_and_scan_find_the_breakage_with_the_right_kind(string name)
    {
        var breakage = BreakageMatrix.Named(name);
        var registry = corpus.Registry;
        using var repair = new StorageRepair(); // the corpus is whole again when the test ends, passed or failed
        breakage.Break(new StorageDamage(registry.V2Root, repair), corpus.Facts);

        var probe = await CorpusChecks.ProbeAsync(registry, breakage.Deep, output);
        var scan = await CorpusChecks.ScanAsync(registry, breakage.Deep, output);

        AssertSame(breakage.Probe(corpus.Facts), probe.Failures.Select(ExpectedFinding.Of));
        AssertSame(breakage.Scan(corpus.Facts), scan.Failures.Select(ExpectedFinding.Of));
        Assert.Equal(Broken(probe.Failures.Select(ExpectedFinding.Of)), Broken(scan.Failures.Select(ExpectedFinding.Of)));
    }

    private static void AssertSame(IEnumerable<ExpectedFinding> expected, IEnumerable<ExpectedFinding> actual) =>
        Assert.Equal(expected.Select(e => e.ToString()).Order(StringComparer.Ordinal), actual.Select(a => a.ToString()).Order(StringComparer.Ordinal));

    /// <summary>The broken objects: (repository, digest) pairs, leaving out findings about a tag the probe could not resolve.</summary>
    private static IEnumerable<string> Broken(IEnumerable<ExpectedFinding> findings) =>
        findings.Where(f => f.Digest is not null).Select(f => $"{f.Repository}@{f.Digest}").Distinct().Order(StringComparer.Ordinal);
}
