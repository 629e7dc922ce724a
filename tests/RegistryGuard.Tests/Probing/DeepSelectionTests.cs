using RegistryGuard.Oci;
using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Probing;

public sealed class DeepSelectionTests
{
    private static readonly DeepSelection.Candidate[] Blobs =
        [.. Enumerable.Range(0, 10).Select(i => new DeepSelection.Candidate(Digest.Sha256Of([(byte)i]), 100))];

    [Fact]
    public void Without_a_budget_everything_is_hashed() => Assert.Equal(10, DeepSelection.Select(Blobs, null, null).Selected.Count);

    [Fact]
    public void Successive_budgeted_runs_cover_every_blob_exactly_once_per_cycle()
    {
        Digest? cursor = null;
        var seen = new List<Digest>();
        for (var run = 0; run < 4; run++)
        {
            var (selected, next) = DeepSelection.Select(Blobs.Reverse(), 300, cursor);
            seen.AddRange(selected.Select(s => s.Digest));
            cursor = next;
        }

        Assert.Equal(12, seen.Count);
        Assert.Equal(10, seen.Take(10).Distinct().Count()); // the first 10 hashed are all different: a full cycle
    }

    [Fact]
    public void A_blob_larger_than_the_budget_is_still_hashed_alone()
    {
        var big = new DeepSelection.Candidate(Digest.Sha256Of([42]), 10_000);
        var (selected, _) = DeepSelection.Select([big], 10, null);
        Assert.Equal([big], selected);
    }
}
