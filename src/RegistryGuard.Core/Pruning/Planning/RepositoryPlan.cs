namespace RegistryGuard.Pruning.Planning;

/// <param name="Manifests">Deletions first, in the order they must run (an index before its children, a subject
/// before what is attached to it), then the manifests kept.</param>
public sealed record RepositoryPlan(string Repository, PrunePolicy Policy, IReadOnlyList<TagDecision> Tags, IReadOnlyList<ManifestDecision> Manifests)
{
    public IEnumerable<ManifestDecision> Deletions => Manifests.Where(m => m.Action == PruneAction.Delete);

    public IEnumerable<TagDecision> PrunedTags => Tags.Where(t => t.Action == PruneAction.Delete);
}
