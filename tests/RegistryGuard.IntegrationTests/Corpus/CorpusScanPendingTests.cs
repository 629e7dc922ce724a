using RegistryGuard.IntegrationTests.Corpus.Breakage;
using RegistryGuard.IntegrationTests.Corpus.Families;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// INTERIM: the scan's side of issue 13, written and known to fail until the scan facts refactor (issue 12) lands and
/// the scan adopts the shared reachability model (Oci/IndexEntry, ReferenceWalk, TagReachability). Each fails on main
/// today for the reason in its name; un-skip them with that change. The non-strict twins that run now are
/// <see cref="CorpusHealthTests"/> and <see cref="CorpusBreakageTests"/> (with <see cref="KnownScanDefects"/>).
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusScanPendingTests(CorpusFixture corpus, ITestOutputHelper output)
{
    public static TheoryData<string> PendingCases => [.. BreakageMatrix.All.Where(c => c.ScanPending is not null).Select(c => c.Name)];

    /// <summary>Defect 1: a BuildKit cache index's blob entries are read as manifests (unreadable_manifest, orphaned_child).</summary>
    [Theory(Skip = BreakageMatrix.IssueTwelve)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scan_reports_no_failure_at_all_on_the_healthy_corpus(bool deep)
    {
        var report = await CorpusChecks.ScanAsync(corpus.Registry, deep, output);

        Assert.Empty(report.Failures);
    }

    /// <summary>Defect 2 (the grandchild and great-grandchild rows) and the BuildKit cache row, held strictly.</summary>
    [Theory(Skip = BreakageMatrix.IssueTwelve)]
    [MemberData(nameof(PendingCases))]
    public async Task Scan_finds_the_breakage_with_the_right_kind_and_severity(string name)
    {
        var breakage = BreakageMatrix.Named(name);
        using var repair = new StorageRepair();
        breakage.Break(new StorageDamage(corpus.Registry.V2Root, repair), corpus.Facts);

        var scan = await CorpusChecks.ScanAsync(corpus.Registry, breakage.Deep, output);
        var probe = await CorpusChecks.ProbeAsync(corpus.Registry, breakage.Deep, output);

        CorpusBreakageTests.AssertSame(breakage.Scan(corpus.Facts), scan.Failures.Select(ExpectedFinding.Of));
        Assert.Equal(
            probe.Failures.Where(f => f.Digest is not null).Select(f => $"{f.Repository}@{f.Digest}").Distinct().Order(StringComparer.Ordinal),
            scan.Failures.Where(f => f.Digest is not null).Select(f => $"{f.Repository}@{f.Digest}").Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>Defect 3: a repository whose tags and revisions were all deleted through the API and then garbage-collected
    /// still has its (dangling) _layers links, and the scan does not count it as empty.</summary>
    [Fact(Skip = BreakageMatrix.IssueTwelve)]
    public async Task Scan_counts_a_repository_emptied_by_delete_and_gc_as_empty()
    {
        var report = await CorpusChecks.ScanAsync(corpus.Registry, deep: false, output);

        // history/emptied (DELETE + GC) and history/never-pushed (an abandoned upload, never a manifest)
        Assert.Equal(2, report.SummaryInt("empty_repositories"));
        Assert.Equal(History.Emptied, CorpusFacts.Required(corpus.Facts.Emptied, "an emptied repository"));
    }
}
