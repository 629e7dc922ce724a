using System.Text.RegularExpressions;
using RegistryGuard.Common;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// What to keep in one repository. Precedence per tag: protect, then keep-regex, then delete-regex, then the
/// newest <see cref="Keep"/> of the rest. Protected and regex-matched tags do not count toward <see cref="Keep"/>.
/// </summary>
public sealed record PrunePolicy(int Keep)
{
    public static PrunePolicy Default { get; } = new(10) { Protect = [new GlobPattern("latest")] };

    public IReadOnlyList<GlobPattern> Protect { get; init; } = [];

    public Regex? KeepRegex { get; init; }

    public Regex? DeleteRegex { get; init; }

    /// <summary>Rank tags that parse as semantic versions by version (above all other tags) instead of push time.</summary>
    public bool Semver { get; init; }

    /// <summary>The order chosen for ranking tags; null when none was (time, unless push times are unknown).</summary>
    public TagOrder? Order { get; init; }

    /// <summary>The order the ranking uses: the one chosen, <c>--semver</c>, else time.</summary>
    public TagOrder EffectiveOrder => Order ?? (Semver ? TagOrder.Semver : TagOrder.Time);

    /// <summary>Whether the operator chose an order (so unknown push times are their informed choice).</summary>
    public bool OrderChosen => Order is not null || Semver;

    /// <summary>Keep every manifest no pruned tag points at directly (children of pruned indexes and old untagged pushes).</summary>
    public bool KeepUntagged { get; init; }
}
