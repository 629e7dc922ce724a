namespace RegistryGuard.Pruning.Planning;

/// <param name="Manifests">Deletions first, in the order they must run (an index before its children, a subject
/// before what is attached to it), then the manifests kept.</param>
public sealed record RepositoryPlan(string Repository, PrunePolicy Policy, IReadOnlyList<TagDecision> Tags, IReadOnlyList<ManifestDecision> Manifests)
{
    public IEnumerable<ManifestDecision> Deletions => Manifests.Where(m => m.Action == PruneAction.Delete);

    public IEnumerable<TagDecision> PrunedTags => Tags.Where(t => t.Action == PruneAction.Delete);

    /// <summary>
    /// Tags whose place in the newest-N ranking needed a push time they do not have (images without a <c>created</c>
    /// time over the API). 0 when the ranking did not decide anything (no more candidates than slots).
    /// </summary>
    public int TagsWithoutPushTime { get; init; }

    /// <summary>The order the ranking used.</summary>
    public TagOrder Order => Policy.EffectiveOrder;
}
