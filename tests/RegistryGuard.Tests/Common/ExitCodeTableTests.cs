using System.Reflection;
using System.Text.RegularExpressions;
using RegistryGuard.Common;

namespace RegistryGuard.Tests.Common;

/// <summary>The README's table of exit codes is every code in <see cref="ExitCodes"/>, each with its name, and nothing else.</summary>
public sealed partial class ExitCodeTableTests
{
    [Fact]
    public void The_readme_lists_every_exit_code_with_its_name_and_no_other()
    {
        var declared = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .ToDictionary(f => (int)f.GetRawConstantValue()!, f => f.Name);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        var documented = Row().Matches(readme).ToDictionary(m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["name"].Value);

        Assert.Equal(declared.OrderBy(p => p.Key), documented.OrderBy(p => p.Key));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RegistryGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RegistryGuard.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\| (?<code>\d+) \| `(?<name>\w+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
