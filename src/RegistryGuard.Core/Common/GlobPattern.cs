using System.Text;
using System.Text.RegularExpressions;

namespace RegistryGuard.Common;

/// <summary>
/// Repository globs: <c>*</c> matches within one path segment, <c>**</c> across segments
/// (<c>dockerhub/**</c> matches every repository under dockerhub/).
/// </summary>
public sealed class GlobPattern
{
    private readonly Regex _regex;

    /// <summary>
    /// Why <paramref name="pattern"/> can never match a repository name (names have no "..", no '%' escapes, no
    /// backslashes or control characters, and do not start with '/'), or null. Such a pattern is a typo or an attempt
    /// to reach outside the tree, never something to apply silently.
    /// </summary>
    public static string? NameProblem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Length == 0 ? "is empty"
            : pattern.Contains("..", StringComparison.Ordinal) ? "contains '..', which no repository name does"
            : pattern.StartsWith('/') ? "starts with '/'; repository names are relative (team/app)"
            : pattern.Any(c => c is '%' or '\\' || char.IsControl(c)) ? "contains '%', '\\' or a control character, which no repository name does"
            : null;
    }

    public GlobPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Pattern = pattern;
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        _regex = new Regex(builder.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool IsMatch(string value) => _regex.IsMatch(value);

    public static bool AnyMatch(IEnumerable<GlobPattern> patterns, string value) => patterns.Any(p => p.IsMatch(value));
}
