using System.Collections.Frozen;
using RegistryGuard.Findings;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// The scan reads a live tree without a lock, so a push landing between two reads (revisions listed before its
/// link was written, its tag read after) looks like a broken reference. Every repository with a finding such a race
/// can produce is read a second time, with blob data looked up on disk again; a finding is kept only when the second
/// read finds it too, and only the repairs of kept findings are planned.
/// </summary>
internal static class FindingConfirmation
{
    private static readonly FrozenSet<FindingKind> RaceProne = new[]
    {
        FindingKind.DanglingLayerLink, FindingKind.DanglingRevisionLink, FindingKind.MissingTagLink, FindingKind.DanglingTagLink,
        FindingKind.DanglingTagHistory, FindingKind.CorruptLink, FindingKind.MissingLayerLink, FindingKind.OrphanedChild,
    }.ToFrozenSet();

    /// <param name="secondPass">A fresh pass that looks blob data up on disk again.</param>
    public static ScanVerdict Confirm(ScanPass first, IReadOnlyList<RepositoryDirectory> repositories, Func<ScanPass> secondPass, CancellationToken cancellationToken)
    {
        var findings = first.Findings.ToSortedList();
        var suspect = findings.Where(f => RaceProne.Contains(f.Kind)).Select(f => f.Repository).ToHashSet(StringComparer.Ordinal);
        if (suspect.Count == 0)
        {
            return new ScanVerdict(findings, first.Repairs);
        }

        var second = secondPass().Run(repositories.Where(r => suspect.Contains(r.Name)), cancellationToken);
        var seenFirst = findings.Where(f => suspect.Contains(f.Repository)).Select(Identity).ToHashSet();
        var confirmed = second.Findings.ToSortedList().Where(f => seenFirst.Contains(Identity(f))).ToList();
        var kept = findings.Where(f => !suspect.Contains(f.Repository)).Concat(confirmed).ToList();
        var keptSet = kept.ToHashSet();
        var repairs = first.Repairs.Where(r => !suspect.Contains(r.Repository)).Concat(second.Repairs.Where(r => keptSet.Contains(r.Finding)))
            .OrderBy(r => r.RelativePath, StringComparer.Ordinal).ToList();
        var collector = new FindingCollector();
        kept.ForEach(collector.Add);
        return new ScanVerdict(collector.ToSortedList(), repairs);
    }

    /// <summary>What the finding is about; the detail may differ between reads (a push can change whether a link is used).</summary>
    private static (FindingKind, string, string?, string?, string?) Identity(Finding finding) =>
        (finding.Kind, finding.Repository, finding.Tag, finding.Parent, finding.Digest);
}
