using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>Actions a user may get on resources of a type whose name matches a glob ("registry" "catalog" "*"; "repository" "demo/**" "pull").</summary>
internal sealed record TokenGrant(string Type, string NameGlob, params string[] Actions)
{
    private readonly GlobPattern _pattern = new(NameGlob);

    public IEnumerable<string> Allowed(string type, string name, IEnumerable<string> requested) =>
        type == Type && _pattern.IsMatch(name) ? requested.Where(a => Actions.Contains(a) || Actions.Contains("*")) : [];
}
