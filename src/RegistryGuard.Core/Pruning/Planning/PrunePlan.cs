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

    /// <summary>Tags ranked without the push time their order needs, in every repository.</summary>
    public int TagsWithoutPushTime => Repositories.Sum(r => r.TagsWithoutPushTime);

    /// <summary>Repositories whose ranking needed push times it did not have while no order was chosen: an apply there must not guess.</summary>
    public IReadOnlyList<RepositoryPlan> RankedWithoutOrder => [.. Repositories.Where(r => r.TagsWithoutPushTime > 0 && !r.Policy.OrderChosen)];

    /// <summary>The one line that says push times are unknown, or null when every ranking had what it needed.</summary>
    public string? PushTimeNote()
    {
        var affected = Repositories.Where(r => r.TagsWithoutPushTime > 0).ToList();
        if (affected.Count == 0)
        {
            return null;
        }

        var where = $"{TagsWithoutPushTime} tags in {affected.Count} repositories (e.g. {affected[0].Repository})";
        return RankedWithoutOrder.Count == 0
            ? $"push times unknown for {where}: their images carry no 'created' time; they are ranked below the dated tags, by tag name, as the chosen order says"
            : $"push times unknown for {where}: their images carry no 'created' time, so the newest-N ranking cannot use time; "
              + "this plan ranks them by tag name (digits as numbers); choose an order with --order semver|name|time (order: in YAML) — --apply refuses until one is chosen";
    }

    public RepositoryInventory InventoryOf(string repository) => Inventories.First(i => i.Repository == repository);
}
