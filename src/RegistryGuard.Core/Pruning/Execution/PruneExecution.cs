using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Pruning.Execution;

/// <summary>What an executor actually did. <see cref="Warnings"/> includes races detected after the fact.</summary>
public sealed record PruneExecution(IReadOnlyList<ExecutedDeletion> Deleted, IReadOnlyList<SkippedDeletion> Skipped, IReadOnlyList<string> Warnings)
{
    public int TagsDeleted => Deleted.Sum(d => d.Tags.Count);

    public int Failures => Skipped.Count(s => s.Failed);

    /// <summary>Bytes the next plain garbage-collect can free, given what was really deleted.</summary>
    public long BytesReclaimable { get; init; }

    public string? BackupDirectory { get; init; }

    public string? JournalPath { get; init; }

    /// <summary>Stopped by a signal between two changes: the change in flight was finished and recorded, no other was started.</summary>
    public bool Interrupted { get; init; }

    public static long Reclaimable(PrunePlan plan, IEnumerable<ExecutedDeletion> deleted)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var set = deleted.Select(d => (d.Repository, d.Digest)).ToHashSet();
        return PrunePlanner.Reclaimable(plan.Inventories, set).Sum(b => b.Size);
    }
}
