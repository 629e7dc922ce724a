using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Pruning.Planning;

namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// Orders deletions so a skipped delete never leaves a dangling reference: an index before its children, a
/// subject before what is attached to it (if the subject's delete is skipped, its attachments stay too).
/// </summary>
internal static class DeletionOrder
{
    public static List<ManifestDecision> Sort(RepositoryInventory inventory, List<ManifestDecision> deletions)
    {
        var byDigest = deletions.ToDictionary(d => d.Digest);
        var edges = deletions.ToDictionary(d => d.Digest, _ => new List<Digest>());
        var incoming = deletions.ToDictionary(d => d.Digest, _ => 0);
        void Edge(Digest from, Digest to)
        {
            if (from != to && edges.TryGetValue(from, out var list) && incoming.TryGetValue(to, out var count) && !list.Contains(to))
            {
                list.Add(to);
                incoming[to] = count + 1;
            }
        }

        foreach (var deletion in deletions)
        {
            if (inventory.Manifests.TryGetValue(deletion.Digest, out var manifest))
            {
                foreach (var child in manifest.Children)
                {
                    Edge(deletion.Digest, child.Digest);
                }

                if (manifest.Subject is { } subject)
                {
                    Edge(subject, deletion.Digest);
                }
            }
        }

        foreach (var tag in inventory.Tags)
        {
            if (AttachedTag.TryGetSubject(tag.Name, out var subject))
            {
                Edge(subject, tag.Digest);
            }
        }

        var ready = new PriorityQueue<Digest, (int, string)>();
        void Enqueue(Digest digest) => ready.Enqueue(digest, (byDigest[digest].Tags.Count > 0 ? 0 : 1, digest.ToString()));
        foreach (var (digest, count) in incoming.Where(x => x.Value == 0))
        {
            Enqueue(digest);
        }

        var result = new List<ManifestDecision>();
        while (ready.TryDequeue(out var digest, out _))
        {
            result.Add(byDigest[digest]);
            foreach (var next in edges[digest])
            {
                if (--incoming[next] == 0)
                {
                    Enqueue(next);
                }
            }
        }

        // Content addressing rules out cycles; a corrupt graph still gets every deletion, in digest order.
        result.AddRange(deletions.Where(d => !result.Contains(d)).OrderBy(d => d.Digest.ToString(), StringComparer.Ordinal));
        return result;
    }
}
