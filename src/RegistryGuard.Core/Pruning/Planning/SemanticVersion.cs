using System.Globalization;
using System.Text.RegularExpressions;

namespace RegistryGuard.Pruning.Planning;

/// <summary>SemVer 2.0 precedence for tag ordering; a leading <c>v</c> and missing minor/patch are accepted (<c>v1.2</c>).</summary>
internal sealed partial record SemanticVersion(long Major, long Minor, long Patch, IReadOnlyList<string> Prerelease)
{
    public static bool TryParse(string text, out SemanticVersion? version)
    {
        version = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        static long Part(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        var pre = match.Groups["pre"].Success ? match.Groups["pre"].Value.Split('.') : [];
        version = new SemanticVersion(Part(match.Groups["major"]), Part(match.Groups["minor"]), Part(match.Groups["patch"]), pre);
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var core = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (core != 0)
        {
            return core;
        }

        // A release outranks its prereleases; prerelease identifiers compare numerically when both are numbers.
        if (Prerelease.Count == 0 || other.Prerelease.Count == 0)
        {
            return other.Prerelease.Count.CompareTo(Prerelease.Count);
        }

        for (var i = 0; i < Math.Min(Prerelease.Count, other.Prerelease.Count); i++)
        {
            var a = Prerelease[i];
            var b = other.Prerelease[i];
            var aNumeric = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumeric = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var result = (aNumeric, bNumeric) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.CompareOrdinal(a, b),
            };
            if (result != 0)
            {
                return result;
            }
        }

        return Prerelease.Count.CompareTo(other.Prerelease.Count);
    }

    [GeneratedRegex(@"^v?(?<major>0|[1-9]\d{0,17})(?:\.(?<minor>0|[1-9]\d{0,17}))?(?:\.(?<patch>0|[1-9]\d{0,17}))?(?:-(?<pre>[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
