using System.Globalization;
using RegistryGuard.Findings;

namespace RegistryGuard.Reporting;

/// <summary>One line per finding, aligned for a terminal and greppable by kind.</summary>
public static class FindingText
{
    public static string Line(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var where = finding.Tag is null ? finding.Repository : $"{finding.Repository}:{finding.Tag}";
        var marker = finding.Severity switch
        {
            Severity.Failure => "FAIL",
            Severity.Warning => "WARN",
            _ => "INFO",
        };
        var parts = new List<string> { marker, finding.Kind.WireName().PadRight(20), where };
        if (finding.Parent is not null)
        {
            parts.Add("parent=" + finding.Parent);
        }

        if (finding.Digest is not null)
        {
            parts.Add("digest=" + finding.Digest);
        }

        if (finding.Repairable is { } repairable)
        {
            parts.Add(repairable ? "[repairable]" : "[not repairable]");
        }

        return string.Join(' ', parts) + " — " + finding.Detail;
    }

    public static string Counts(IReadOnlyDictionary<FindingKind, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0
            ? "none"
            : string.Join(", ", counts.OrderBy(p => p.Key.WireName(), StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.WireName()} {p.Value}")));
    }
}
