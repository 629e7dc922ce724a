namespace RegistryGuard.Oci;

/// <summary>
/// The one reachability model: from a root (a tag's manifest) through any depth of indexes to manifests, configs,
/// layers and an index's blob entries. Each object is reached once per walk, with the manifest that first referenced
/// it. Probe, scan and prune agree on what a tag reaches because they all follow these edges.
/// </summary>
public static class ReferenceWalk
{
    /// <param name="referencesOf">A manifest's edges, or null when it is unknown (absent, unreadable): nothing below it is reached.</param>
    /// <param name="enter">Asked once per manifest before it is reported and descended into (the root included); false skips
    /// it and everything only it leads to. Lets a caller share what it has seen across walks, or stop at a boundary.</param>
    public static IEnumerable<ReachedObject> From(Digest root, Func<Digest, ManifestReferences?> referencesOf, Func<Digest, bool>? enter = null)
    {
        ArgumentNullException.ThrowIfNull(referencesOf);
        var manifests = new HashSet<Digest>();
        var blobs = new HashSet<Digest>();
        var pending = new Stack<ReachedObject>();
        pending.Push(new ReachedObject(root, ReferenceTarget.Manifest, null, 0, null));
        while (pending.TryPop(out var next))
        {
            if (!manifests.Add(next.Digest) || (enter is not null && !enter(next.Digest)))
            {
                continue;
            }

            yield return next;
            if (referencesOf(next.Digest) is not { } references)
            {
                continue;
            }

            foreach (var blob in references.Blobs)
            {
                if (blobs.Add(blob.Digest))
                {
                    yield return new ReachedObject(blob.Digest, ReferenceTarget.Blob, next.Digest, next.Depth + 1, blob);
                }
            }

            // Pushed in reverse so document order comes out first.
            for (var i = references.Manifests.Count - 1; i >= 0; i--)
            {
                var child = references.Manifests[i];
                pending.Push(new ReachedObject(child.Digest, ReferenceTarget.Manifest, next.Digest, next.Depth + 1, child));
            }
        }
    }
}
