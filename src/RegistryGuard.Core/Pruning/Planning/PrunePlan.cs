using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Pruning.Planning;

/// <param name="BytesAreUpperBound">True when repositories outside the inventory may still reference a blob
/// (an HTTP walk of some repositories): GC frees at most <see cref="BytesReclaimable"/>.</param>
public sealed record PrunePlan(IReadOnlyList<RepositoryPlan> Repositories, IReadOnlyList<ReclaimableBlob> Reclaimable, bool BytesAreUpperBound)
{
    public long BytesReclaimable => Reclaimable.Sum(b => b.Size);

    /// <summary>Everything read, in scope or not: used to recompute reclaimable bytes after a partial apply.</summary>
    public IReadOnlyList<RepositoryInventory> Inventories { get; init; } = [];

    public int TagsPruned => Repositories.Sum(r => r.PrunedTags.Count());

    public int ManifestsToDelete => Repositories.Sum(r => r.Deletions.Count());

    public RepositoryInventory InventoryOf(string repository) => Inventories.First(i => i.Repository == repository);
}
