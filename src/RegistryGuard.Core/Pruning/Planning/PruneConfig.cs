namespace RegistryGuard.Pruning.Planning;

/// <summary>A parsed prune config file: defaults, repository scope, and per-repository rules (first match wins).</summary>
public sealed record PruneConfig
{
    public PolicyOverrides Defaults { get; init; } = new();

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public IReadOnlyList<(string Match, PolicyOverrides Overrides)> Repositories { get; init; } = [];
}
