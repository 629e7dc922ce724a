namespace RegistryGuard.Oci;

/// <summary>
/// Which tags reach each object, through any depth of indexes. Severity follows it: an object a tag reaches breaks a
/// pull by that tag (a failure) however deep it sits; an object no tag reaches breaks only a pull by digest.
/// </summary>
public static class TagReachability
{
    /// <returns>Every object reachable from at least one tag, with those tags in ordinal order.</returns>
    public static IReadOnlyDictionary<Digest, IReadOnlyList<string>> Compute(
        IEnumerable<(string Tag, Digest Digest)> tags, Func<Digest, ManifestReferences?> referencesOf)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var result = new Dictionary<Digest, List<string>>();
        foreach (var (tag, digest) in tags.OrderBy(t => t.Tag, StringComparer.Ordinal))
        {
            foreach (var reached in ReferenceWalk.From(digest, referencesOf))
            {
                if (!result.TryGetValue(reached.Digest, out var reaching))
                {
                    result[reached.Digest] = reaching = [];
                }

                if (reaching.Count == 0 || reaching[^1] != tag)
                {
                    reaching.Add(tag);
                }
            }
        }

        return result.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }
}
