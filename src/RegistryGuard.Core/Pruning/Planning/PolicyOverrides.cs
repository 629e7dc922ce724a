using System.Text.RegularExpressions;
using RegistryGuard.Common;

namespace RegistryGuard.Pruning.Planning;

/// <summary>Settings given at one level (config defaults, command-line flags, a repository rule); null = not given.</summary>
public sealed record PolicyOverrides
{
    public int? Keep { get; init; }

    public IReadOnlyList<string>? Protect { get; init; }

    public string? KeepRegex { get; init; }

    public string? DeleteRegex { get; init; }

    public bool? Semver { get; init; }

    public TagOrder? Order { get; init; }

    public bool? KeepUntagged { get; init; }

    public PrunePolicy ApplyTo(PrunePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy with
        {
            Keep = Keep ?? policy.Keep,
            Protect = Protect is null ? policy.Protect : [.. Protect.Select(p => new GlobPattern(p))],
            KeepRegex = KeepRegex is null ? policy.KeepRegex : CompileRegex(KeepRegex),
            DeleteRegex = DeleteRegex is null ? policy.DeleteRegex : CompileRegex(DeleteRegex),
            Semver = Semver ?? policy.Semver,
            Order = Order ?? policy.Order,
            KeepUntagged = KeepUntagged ?? policy.KeepUntagged,
        };
    }

    /// <summary>Anchored to the whole tag, so <c>rc</c> does not match <c>1.0-rc1</c> by accident; use <c>.*rc.*</c>.</summary>
    public static Regex CompileRegex(string pattern) =>
        new($"^(?:{pattern})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
