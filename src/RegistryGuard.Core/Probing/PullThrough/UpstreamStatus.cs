namespace RegistryGuard.Probing.PullThrough;

/// <summary>The upstream check of one pull-through pattern in one run.</summary>
/// <param name="Pattern">The <c>--pull-through</c> glob (<c>**</c> for a whole-registry cache).</param>
/// <param name="Repository">The cached repository the check asked in, or null when nothing is cached yet.</param>
/// <param name="Since">While unreachable: when this was first seen (kept in the upstream state file), or this run's start.</param>
public sealed record UpstreamStatus(string Pattern, string? Repository, UpstreamVerdict Verdict, DateTimeOffset? Since = null)
{
    public UpstreamState State => Verdict.State;
}
