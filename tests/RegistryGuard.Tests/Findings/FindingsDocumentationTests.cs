using RegistryGuard.Findings;
using RegistryGuard.Scanning;
using RegistryGuard.Testing;
using RegistryGuard.Tests.Docs;

namespace RegistryGuard.Tests.Findings;

/// <summary>docs/findings.md is the operator's copy of FindingKinds: this keeps the two from drifting apart.</summary>
public sealed class FindingsDocumentationTests
{
    private static readonly string[] RepairedByFix = ["orphaned_child", "dangling_layer_link"];

    [Fact]
    public void Every_finding_kind_has_exactly_one_row_matching_the_code()
    {
        var rows = TableRows();

        foreach (var kind in FindingKinds.All)
        {
            var row = Assert.Single(rows, r => r[0] == $"`{kind.WireName()}`");
            Assert.StartsWith(kind.DefaultSeverity().ToString().ToLowerInvariant(), row[1], StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(row[2]), $"{kind.WireName()}: 'seen by' is empty");
            Assert.Equal(kind.Description(), row[3]);
            Assert.False(string.IsNullOrWhiteSpace(row[4]), $"{kind.WireName()}: 'what to do' is empty");
        }

        Assert.Equal(FindingKinds.All.Count, rows.Count);
    }

    [Fact]
    public void The_fix_column_names_exactly_what_scan_fix_repairs()
    {
        var rows = TableRows();

        var documented = rows.Where(r => r[5].StartsWith("yes", StringComparison.Ordinal)).Select(r => r[0].Trim('`')).Order(StringComparer.Ordinal);

        Assert.Equal(RepairedByFix.Order(StringComparer.Ordinal), documented);
        Assert.Equal(RepairedByFix.Length, Enum.GetValues<RepairKind>().Length); // a new repair must be documented here too
    }

    private static List<string[]> TableRows()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path("docs", "findings.md"));
        return [.. lines
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .Where(cells => cells.Length == 6)];
    }
}
