using System.Reflection;
using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.Testing;
using RegistryGuard.Tests.Docs;

namespace RegistryGuard.Tests.Common;

/// <summary>The README's table of exit codes is every code in <see cref="ExitCodes"/>, each with its name, and nothing else; so is the runbook's.</summary>
public sealed partial class ExitCodeTableTests
{
    [Fact]
    public void The_readme_lists_every_exit_code_with_its_name_and_no_other()
    {
        var declared = Declared();
        var readme = RepositoryFiles.Read("README.md");

        var documented = Row().Matches(readme).ToDictionary(m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["name"].Value);

        Assert.Equal(declared.OrderBy(p => p.Key), documented.OrderBy(p => p.Key));
    }

    [Fact]
    public void The_runbook_s_table_has_every_exit_code_and_no_other()
    {
        var declared = Declared().Keys.Order();
        var runbook = RepositoryFiles.Read("docs", "runbook.md");
        var section = runbook[runbook.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var documented = CodeCell().Matches(section).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();

        Assert.Equal(declared, documented);
    }

    private static Dictionary<int, string> Declared() =>
        typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => (int)f.GetRawConstantValue()!, f => f.Name);

    [GeneratedRegex(@"^\| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex CodeCell();

    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<name>\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
