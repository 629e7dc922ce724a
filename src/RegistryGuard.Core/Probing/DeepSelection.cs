using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>
/// Chooses which blobs a budgeted deep probe hashes. Blobs are taken in digest order starting just after
/// the previous run's cursor and wrapping around, so successive runs cover the whole registry whatever
/// order the walk met them in.
/// </summary>
public static class DeepSelection
{
    public readonly record struct Candidate(Digest Digest, long Size);

    /// <returns>The blobs to hash, and the cursor to save for the next run.</returns>
    public static (IReadOnlyList<Candidate> Selected, Digest? NextCursor) Select(IEnumerable<Candidate> candidates, long? budgetBytes, Digest? cursor)
    {
        var ordered = candidates.DistinctBy(c => c.Digest).OrderBy(c => c.Digest.ToString(), StringComparer.Ordinal).ToList();
        if (ordered.Count == 0 || budgetBytes is null)
        {
            return (ordered, null);
        }

        var start = cursor is { } after ? ordered.FindIndex(c => string.CompareOrdinal(c.Digest.ToString(), after.ToString()) > 0) : 0;
        start = start < 0 ? 0 : start;
        var selected = new List<Candidate>();
        long spent = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var candidate = ordered[(start + i) % ordered.Count];

            // Always take at least one blob, or a blob larger than the budget would never be checked.
            if (selected.Count > 0 && spent + candidate.Size > budgetBytes)
            {
                break;
            }

            selected.Add(candidate);
            spent += candidate.Size;
        }

        return (selected, selected[^1].Digest);
    }
}
