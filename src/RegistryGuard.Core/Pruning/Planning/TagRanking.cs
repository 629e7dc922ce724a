using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Orders the tags that compete for the newest-N slots, newest first. By push time when known; tags without a
/// push time rank below those with one, by tag name descending. With semver, tags that parse as versions rank
/// above all others, highest version first.
/// </summary>
internal static class TagRanking
{
    public static List<(InventoryTag Tag, string By)> Rank(IEnumerable<InventoryTag> tags, bool semver)
    {
        var list = tags.Select(t => (Tag: t, Version: semver && SemanticVersion.TryParse(t.Name, out var v) ? v : null)).ToList();
        list.Sort((a, b) =>
        {
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
            return byTime != 0 ? byTime : string.CompareOrdinal(b.Tag.Name, a.Tag.Name);
        });
        return [.. list.Select(x => (x.Tag, By(x.Tag, x.Version)))];
    }

    private static string By(InventoryTag tag, SemanticVersion? version) =>
        version is not null ? "version"
        : tag.PushedAt is { } time ? $"push time ({PrunePlanner.Describe(time)})"
        : "tag name (push time unknown)";
}
