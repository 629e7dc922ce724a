using System.Collections.Frozen;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// The scan reads a live tree without a lock, so a push landing between two reads (revisions listed before its
/// link was written, its tag read after) looks like a broken reference. Every repository with a finding such a race
/// can produce is read a second time, with blob data looked up on disk again; a finding is kept only when the second
/// read finds it too, and only the repairs of kept findings are planned. The second read waits a moment first: a
/// push writes a tag's index link and then its current link, and on a loaded machine the registry can take long
/// enough between the two for an immediate second read to land in the same gap (seen in the serve soak test:
/// <c>missing_tag_link</c> on a tag being pushed, confirmed by a re-read a millisecond later).
/// </summary>
internal static class FindingConfirmation
{
    private static readonly FrozenSet<FindingKind> RaceProne = new[]
    {
        FindingKind.DanglingLayerLink, FindingKind.DanglingRevisionLink, FindingKind.MissingTagLink, FindingKind.DanglingTagLink,
        FindingKind.DanglingTagHistory, FindingKind.CorruptLink, FindingKind.MissingLayerLink, FindingKind.OrphanedChild,
    }.ToFrozenSet();

    /// <param name="secondPass">A fresh pass that looks blob data up on disk again.</param>
    /// <param name="settle">How long to wait before the second read (<see cref="ScanOptions.ConfirmationDelay"/>).</param>
    /// <param name="hashesNow">Whether a blob's data, read again, hashes to its digest: a corrupt_blob is kept only
    /// when it still does not (a manifest being pushed is written in place and can be met empty).</param>
    public static ScanVerdict Confirm(
        ScanPass first, IReadOnlyList<RepositoryDirectory> repositories, Func<ScanPass> secondPass, TimeSpan settle, Func<string, bool> hashesNow, CancellationToken cancellationToken)
    {
        var findings = first.Findings.ToSortedList();
        var suspect = findings.Where(f => RaceProne.Contains(f.Kind)).Select(f => f.Repository).ToHashSet(StringComparer.Ordinal);
        var corrupt = findings.Any(f => f.Kind == FindingKind.CorruptBlob);
        if (suspect.Count == 0 && !corrupt)
        {
            return new ScanVerdict(findings, first.Repairs);
        }

        if (settle > TimeSpan.Zero)
        {
            cancellationToken.WaitHandle.WaitOne(settle);
            cancellationToken.ThrowIfCancellationRequested();
        }

        var second = secondPass().Run(repositories.Where(r => suspect.Contains(r.Name)), cancellationToken);
        var seenFirst = findings.Where(f => suspect.Contains(f.Repository)).Select(Identity).ToHashSet();
        var confirmed = second.Findings.ToSortedList().Where(f => seenFirst.Contains(Identity(f))).ToList();
        var stillCorruptBlob = StillCorrupt(hashesNow);
        var kept = findings.Where(f => !suspect.Contains(f.Repository)).Concat(confirmed).Where(f => f.Kind != FindingKind.CorruptBlob || stillCorruptBlob(f)).ToList();
        var keptSet = kept.ToHashSet();
        var repairs = first.Repairs.Where(r => !suspect.Contains(r.Repository)).Concat(second.Repairs.Where(r => keptSet.Contains(r.Finding)))
            .OrderBy(r => r.RelativePath, StringComparer.Ordinal).ToList();
        var collector = new FindingCollector();
        kept.ForEach(collector.Add);
        return new ScanVerdict(collector.ToSortedList(), repairs);
    }

    /// <summary>One read per blob, however many repositories report it.</summary>
    public static Func<Finding, bool> StillCorrupt(Func<string, bool> hashesNow)
    {
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        return finding =>
        {
            var hex = Digest.TryParse(finding.Digest, out var digest) ? digest.Hex : "";
            if (!verdicts.TryGetValue(hex, out var still))
            {
                verdicts[hex] = still = !hashesNow(hex);
            }

            return still;
        };
    }

    /// <summary>What the finding is about; the detail may differ between reads (a push can change whether a link is used).</summary>
    private static (FindingKind, string, string?, string?, string?) Identity(Finding finding) =>
        (finding.Kind, finding.Repository, finding.Tag, finding.Parent, finding.Digest);
}
