using System.Globalization;
using RegistryGuard.Oci;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Pure: inventories and a policy in, a plan out. Everything a kept tag reaches is kept (index children,
/// configs, layers, referrers and attached tags, to a fixpoint); a digest shared with a kept tag is never
/// deleted, because DELETE by digest would take the kept tag with it.
/// </summary>
public static class PrunePlanner
{
    /// <param name="inScope">Repositories to prune.</param>
    /// <param name="context">Repositories read but not pruned: their references keep blobs alive.</param>
    /// <param name="wholeStorage">True when the inventories cover every repository in storage, so bytes are exact.</param>
    public static PrunePlan Plan(IReadOnlyList<RepositoryInventory> inScope, PruneRules rules, IReadOnlyList<RepositoryInventory>? context = null, bool wholeStorage = false)
    {
        ArgumentNullException.ThrowIfNull(inScope);
        ArgumentNullException.ThrowIfNull(rules);
        var plans = inScope.Select(i => PlanRepository(i, rules.PolicyFor(i.Repository))).ToList();
        var deleted = plans.SelectMany(p => p.Deletions.Select(d => (p.Repository, d.Digest))).ToHashSet();
        var all = inScope.Concat(context ?? []).ToList();
        return new PrunePlan(plans, Reclaimable(all, deleted), !wholeStorage) { Inventories = all };
    }

    /// <summary>
    /// Blobs and manifest bytes referenced by a deleted manifest and by no manifest left in any repository read:
    /// storage is shared by all repositories, so one kept reference anywhere keeps the bytes.
    /// </summary>
    public static IReadOnlyList<ReclaimableBlob> Reclaimable(IEnumerable<RepositoryInventory> inventories, IReadOnlySet<(string Repository, Digest Digest)> deleted)
    {
        ArgumentNullException.ThrowIfNull(inventories);
        ArgumentNullException.ThrowIfNull(deleted);
        var referenced = new HashSet<Digest>();
        var candidates = new Dictionary<Digest, long>();
        foreach (var inventory in inventories)
        {
            foreach (var manifest in inventory.Manifests.Values)
            {
                var gone = deleted.Contains((inventory.Repository, manifest.Digest));
                Note(manifest.Digest, manifest.Size, gone);
                foreach (var blob in manifest.Blobs.Where(b => !b.IsForeign))
                {
                    Note(blob.Digest, blob.Size, gone);
                }
            }
        }

        return [.. candidates.Where(c => !referenced.Contains(c.Key)).Select(c => new ReclaimableBlob(c.Key, c.Value)).OrderBy(b => b.Digest.ToString(), StringComparer.Ordinal)];

        void Note(Digest digest, long size, bool gone)
        {
            if (gone)
            {
                candidates.TryAdd(digest, size);
            }
            else
            {
                referenced.Add(digest);
            }
        }
    }

    public static RepositoryPlan PlanRepository(RepositoryInventory inventory, PrunePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policy);
        var decisions = new Dictionary<string, TagDecision>(StringComparer.Ordinal);
        var attached = new List<(InventoryTag Tag, Digest Subject)>();
        var candidates = new List<InventoryTag>();
        foreach (var tag in inventory.Tags)
        {
            if (AttachedTag.TryGetSubject(tag.Name, out var subject))
            {
                attached.Add((tag, subject));
            }
            else if (policy.Protect.FirstOrDefault(p => p.IsMatch(tag.Name)) is { } protect)
            {
                decisions[tag.Name] = Decide(tag, PruneAction.Keep, $"protected (matches '{protect.Pattern}')");
            }
            else if (policy.KeepRegex?.IsMatch(tag.Name) == true)
            {
                decisions[tag.Name] = Decide(tag, PruneAction.Keep, "matches keep-regex");
            }
            else if (policy.DeleteRegex?.IsMatch(tag.Name) == true)
            {
                decisions[tag.Name] = Decide(tag, PruneAction.Delete, "matches delete-regex");
            }
            else
            {
                candidates.Add(tag);
            }
        }

        var ranked = TagRanking.Rank(candidates, policy.EffectiveOrder);
        // Only a cut through the ranking needs the order: keeping all candidates, or none, is the same in every order.
        var withoutPushTime = policy.Keep > 0 && candidates.Count > policy.Keep ? TagRanking.WithoutPushTime(candidates, policy.EffectiveOrder) : 0;
        for (var i = 0; i < ranked.Count; i++)
        {
            var (tag, by) = ranked[i];
            decisions[tag.Name] = i < policy.Keep
                ? Decide(tag, PruneAction.Keep, $"newest {policy.Keep}: #{i + 1} by {by}")
                : Decide(tag, PruneAction.Delete, $"beyond the newest {policy.Keep}: #{i + 1} by {by}");
        }

        var keptFrom = new Dictionary<Digest, string>();
        foreach (var tag in inventory.Tags.Where(t => decisions.TryGetValue(t.Name, out var d) && d.Action == PruneAction.Keep))
        {
            Reachability.Reach(inventory, tag.Digest, $"kept tag {tag.Name}", keptFrom);
        }

        KeepAttachments(inventory, attached, decisions, keptFrom);
        KeepSharedDigests(decisions, keptFrom);

        var tagDecisions = inventory.Tags.Select(t => decisions[t.Name]).ToList();
        return new RepositoryPlan(inventory.Repository, policy, tagDecisions, DecideManifests(inventory, policy, tagDecisions, keptFrom))
        {
            TagsWithoutPushTime = withoutPushTime,
        };
    }

    private static void KeepAttachments(
        RepositoryInventory inventory, List<(InventoryTag Tag, Digest Subject)> attached, Dictionary<string, TagDecision> decisions, Dictionary<Digest, string> keptFrom)
    {
        var tagDigests = inventory.Tags.Select(t => t.Digest).ToHashSet();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        bool changed;
        do
        {
            changed = false;
            foreach (var (tag, subject) in attached.Where(a => !decided.Contains(a.Tag.Name)))
            {
                string reason;
                if (keptFrom.TryGetValue(subject, out var via))
                {
                    reason = $"attached to {subject.Abbreviated}, kept ({via})";
                }
                else if (!inventory.Manifests.ContainsKey(subject) && !tagDigests.Contains(subject))
                {
                    if (OrphanedSignature.Reason(inventory, tag, subject) is { } orphaned)
                    {
                        decided.Add(tag.Name);
                        decisions[tag.Name] = Decide(tag, PruneAction.Delete, orphaned, attachedTag: true);
                        continue;
                    }

                    reason = $"attached to {subject.Abbreviated}, which is not in this inventory: left alone";
                }
                else
                {
                    continue;
                }

                decided.Add(tag.Name);
                decisions[tag.Name] = Decide(tag, PruneAction.Keep, reason, attachedTag: true);
                Reachability.Reach(inventory, tag.Digest, $"kept tag {tag.Name}", keptFrom);
                changed = true;
            }

            foreach (var manifest in inventory.Manifests.Values)
            {
                if (manifest.Subject is { } subject && keptFrom.ContainsKey(subject) && !keptFrom.ContainsKey(manifest.Digest))
                {
                    Reachability.Reach(inventory, manifest.Digest, $"referrer of kept {subject.Abbreviated}", keptFrom);
                    changed = true;
                }
            }
        }
        while (changed);

        foreach (var (tag, subject) in attached.Where(a => !decided.Contains(a.Tag.Name)))
        {
            decisions[tag.Name] = Decide(tag, PruneAction.Delete, $"attached to {subject.Abbreviated}, which is pruned", attachedTag: true);
        }
    }

    /// <summary>A pruned tag whose digest must stay cannot be deleted by digest without taking the kept one along.</summary>
    private static void KeepSharedDigests(Dictionary<string, TagDecision> decisions, Dictionary<Digest, string> keptFrom)
    {
        var keptTags = decisions.Values.Where(d => d.Action == PruneAction.Keep)
            .GroupBy(d => d.Digest).ToDictionary(g => g.Key, g => g.Select(d => d.Tag).Order(StringComparer.Ordinal).First());
        foreach (var decision in decisions.Values.Where(d => d.Action == PruneAction.Delete && keptFrom.ContainsKey(d.Digest)).ToList())
        {
            var reason = keptTags.TryGetValue(decision.Digest, out var other)
                ? $"kept: shares digest with kept tag {other} (was: {decision.Reason})"
                : $"kept: its digest is still needed, reachable from {keptFrom[decision.Digest]} (was: {decision.Reason})";
            decisions[decision.Tag] = decision with { Action = PruneAction.Keep, Reason = reason };
        }
    }

    private static List<ManifestDecision> DecideManifests(
        RepositoryInventory inventory, PrunePolicy policy, List<TagDecision> tags, Dictionary<Digest, string> keptFrom)
    {
        var pruned = tags.Where(t => t.Action == PruneAction.Delete).ToList();
        var directTags = pruned.GroupBy(t => t.Digest).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(t => t.Tag)]);
        var prunedFrom = new Dictionary<Digest, string>();
        foreach (var tag in pruned)
        {
            Reachability.Reach(inventory, tag.Digest, $"pruned tag {tag.Tag}", prunedFrom, keptFrom.Keys.ToHashSet());
        }

        var result = new List<ManifestDecision>();
        foreach (var manifest in inventory.Manifests.Values)
        {
            var (action, reason) = keptFrom.TryGetValue(manifest.Digest, out var via)
                ? (PruneAction.Keep, $"reachable from {via}")
                : directTags.TryGetValue(manifest.Digest, out var direct)
                    ? (PruneAction.Delete, $"only pruned tags point at it ({string.Join(", ", direct)})")
                    : prunedFrom.TryGetValue(manifest.Digest, out var prunedVia)
                        ? policy.KeepUntagged
                            ? (PruneAction.Keep, $"untagged, reachable only from {prunedVia}; kept by --keep-untagged")
                            : (PruneAction.Delete, $"untagged, reachable only from {prunedVia}")
                        : policy.KeepUntagged
                            ? (PruneAction.Keep, "untagged; kept by --keep-untagged")
                            : (PruneAction.Delete, "untagged and reachable from no tag");
            result.Add(new ManifestDecision(manifest.Digest, manifest.MediaType, manifest.Size, action, reason,
                action == PruneAction.Delete && directTags.TryGetValue(manifest.Digest, out var t) ? t : []));
        }

        var deletions = DeletionOrder.Sort(inventory, result.Where(r => r.Action == PruneAction.Delete).ToList());
        return [.. deletions, .. result.Where(r => r.Action == PruneAction.Keep).OrderBy(r => r.Digest.ToString(), StringComparer.Ordinal)];
    }

    private static TagDecision Decide(InventoryTag tag, PruneAction action, string reason, bool attachedTag = false) =>
        new(tag.Name, tag.Digest, action, reason, tag.PushedAt, attachedTag);

    internal static string Describe(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
