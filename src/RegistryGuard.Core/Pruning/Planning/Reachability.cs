using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Pruning.Planning;

/// <summary>Walks a repository's manifest graph: index → children, and subject → what is attached to it.</summary>
public static class Reachability
{
    /// <summary>Adds <paramref name="root"/> and every manifest below it to <paramref name="seen"/>, each with <paramref name="via"/>.</summary>
    public static void Reach(RepositoryInventory inventory, Digest root, string via, IDictionary<Digest, string> seen, IReadOnlySet<Digest>? stopAt = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(seen);
        var reached = ReferenceWalk.From(root, ReferencesIn(inventory), digest => stopAt?.Contains(digest) != true && !seen.ContainsKey(digest));
        foreach (var manifest in reached.Where(r => r.Target == ReferenceTarget.Manifest))
        {
            seen[manifest.Digest] = via;
        }
    }

    /// <summary>The edges of the inventory's manifests; a manifest it does not hold leads nowhere.</summary>
    public static Func<Digest, ManifestReferences?> ReferencesIn(RepositoryInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        return digest => inventory.Manifests.TryGetValue(digest, out var manifest) ? manifest.References : null;
    }

    /// <summary>
    /// <paramref name="roots"/>, everything below them, and to a fixpoint everything attached to what is reached:
    /// manifests whose <c>subject</c> is reached, and <c>sha256-&lt;hex&gt;*</c> tags of reached digests.
    /// </summary>
    public static HashSet<Digest> Closure(RepositoryInventory inventory, IEnumerable<Digest> roots)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var seen = new Dictionary<Digest, string>();
        foreach (var root in roots)
        {
            Reach(inventory, root, "", seen);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var manifest in inventory.Manifests.Values)
            {
                if (manifest.Subject is { } subject && seen.ContainsKey(subject) && !seen.ContainsKey(manifest.Digest))
                {
                    Reach(inventory, manifest.Digest, "", seen);
                    changed = true;
                }
            }

            foreach (var tag in inventory.Tags)
            {
                if (AttachedTag.TryGetSubject(tag.Name, out var subject) && seen.ContainsKey(subject) && !seen.ContainsKey(tag.Digest))
                {
                    Reach(inventory, tag.Digest, "", seen);
                    changed = true;
                }
            }
        }
        while (changed);

        return [.. seen.Keys];
    }
}
