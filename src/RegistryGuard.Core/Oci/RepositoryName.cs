using System.Text.RegularExpressions;

namespace RegistryGuard.Oci;

/// <summary>
/// Repository and tag grammar from the distribution spec. Names come from a registry's catalog, which
/// may be hostile or corrupt; nothing that fails these checks is ever put into a URL or a path.
/// </summary>
public static partial class RepositoryName
{
    public const int MaxLength = 255;

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && NamePattern().IsMatch(name);

    public static bool IsValidTag(string? tag) => tag is not null && TagPattern().IsMatch(tag);

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
