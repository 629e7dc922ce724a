using RegistryGuard.Common;

namespace RegistryGuard.Pruning.Planning;

/// <summary>Which repositories are pruned and with what policy: the first matching repository rule wins.</summary>
public sealed record PruneRules(PrunePolicy Defaults)
{
    public IReadOnlyList<GlobPattern> Include { get; init; } = [];

    public IReadOnlyList<GlobPattern> Exclude { get; init; } = [];

    public IReadOnlyList<RepositoryRule> Repositories { get; init; } = [];

    public bool InScope(string repository) =>
        (Include.Count == 0 || GlobPattern.AnyMatch(Include, repository)) && !GlobPattern.AnyMatch(Exclude, repository);

    public PrunePolicy PolicyFor(string repository) =>
        Repositories.FirstOrDefault(r => r.Match.IsMatch(repository))?.Policy ?? Defaults;
}
