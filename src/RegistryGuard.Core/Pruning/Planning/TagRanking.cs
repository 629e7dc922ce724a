using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Orders the tags that compete for the newest-N slots, newest first, by the <see cref="TagOrder"/> chosen. By time,
/// tags without a push time rank below those with one, by name; by semver, versions rank above all other tags,
/// highest first, the rest by time then name; by name, highest name first (digit runs compared as numbers).
/// </summary>
internal static class TagRanking
{
    public static List<(InventoryTag Tag, string By)> Rank(IEnumerable<InventoryTag> tags, TagOrder order)
    {
        var semver = order == TagOrder.Semver;
        var list = tags.Select(t => (Tag: t, Version: semver && SemanticVersion.TryParse(t.Name, out var v) ? v : null)).ToList();
        list.Sort((a, b) =>
        {
            if (order == TagOrder.Name)
            {
                return NaturalTagComparer.Instance.Compare(b.Tag.Name, a.Tag.Name);
            }

            if (a.Version is not null || b.Version is not null)
            {
                var byVersion = (b.Version, a.Version) switch
                {
                    (null, _) => -1,
                    (_, null) => 1,
                    var (bv, av) => bv.CompareTo(av),
                };
                if (byVersion != 0)
                {
                    return byVersion;
                }
            }

            var byTime = (b.Tag.PushedAt, a.Tag.PushedAt) switch
            {
                (null, null) => 0,
                (null, _) => -1,
                (_, null) => 1,
                var (bt, at) => bt.Value.CompareTo(at.Value),
            };
            return byTime != 0 ? byTime : NaturalTagComparer.Instance.Compare(b.Tag.Name, a.Tag.Name);
        });
        return [.. list.Select(x => (x.Tag, By(x.Tag, x.Version, order)))];
    }

    /// <summary>Tags whose rank needed a push time they do not have (the order uses time for them).</summary>
    public static int WithoutPushTime(IEnumerable<InventoryTag> tags, TagOrder order) => order switch
    {
        TagOrder.Name => 0,
        TagOrder.Semver => tags.Count(t => t.PushedAt is null && !SemanticVersion.TryParse(t.Name, out _)),
        _ => tags.Count(t => t.PushedAt is null),
    };

    private static string By(InventoryTag tag, SemanticVersion? version, TagOrder order) =>
        order == TagOrder.Name ? "tag name"
        : version is not null ? "version"
        : tag.PushedAt is { } time ? $"push time ({PrunePlanner.Describe(time)})"
        : "tag name";
}
