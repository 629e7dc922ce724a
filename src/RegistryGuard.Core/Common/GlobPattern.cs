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
