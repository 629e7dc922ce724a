using System.Text.RegularExpressions;
using RegistryGuard.Testing;
using RegistryGuard.Tests.Docs;

namespace RegistryGuard.Tests;

/// <summary>
/// The core library's folders form layers: a folder may use the ones below it, never one that uses it back
/// (docs/architecture.md). Read from the sources: using directives and qualified names.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [Fact]
    public void The_core_library_s_folders_have_no_dependency_cycle()
    {
        var core = Path.Combine(RepositoryFiles.Root, "src", "RegistryGuard.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).Cast<string>().ToHashSet(StringComparer.Ordinal);
        var uses = folders.ToDictionary(f => f, f => Uses(Path.Combine(core, f), f, folders), StringComparer.Ordinal);

        foreach (var folder in folders)
        {
            var cycle = PathBack(folder, folder, uses, [folder]);
            Assert.True(cycle is null, $"dependency cycle: {string.Join(" -> ", cycle ?? [])}");
        }
    }

    [Fact]
    public void Probing_and_reporting_do_not_use_each_other_both_ways()
    {
        var core = Path.Combine(RepositoryFiles.Root, "src", "RegistryGuard.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Cast<string>().ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Probing", Uses(Path.Combine(core, "Reporting"), "Reporting", folders));
        Assert.DoesNotContain("Reporting", Uses(Path.Combine(core, "Probing"), "Probing", folders));
    }

    [Fact]
    public void The_storage_layer_uses_none_of_the_verbs_built_on_it()
    {
        var core = Path.Combine(RepositoryFiles.Root, "src", "RegistryGuard.Core");
        var folders = Directory.GetDirectories(core).Select(Path.GetFileName).Cast<string>().ToHashSet(StringComparer.Ordinal);

        var used = Uses(Path.Combine(core, "Storage"), "Storage", folders);

        Assert.Empty(used.Intersect(["Scanning", "Pruning", "Probing", "Runs", "Scheduling", "Reporting", "Metrics"]));
    }

    private static List<string>? PathBack(string from, string target, Dictionary<string, HashSet<string>> uses, List<string> path)
    {
        foreach (var next in uses[from])
        {
            if (next == target)
            {
                return [.. path, next];
            }

            if (!path.Contains(next) && PathBack(next, target, uses, [.. path, next]) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static HashSet<string> Uses(string directory, string self, IReadOnlySet<string> folders)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var code = Comments().Replace(File.ReadAllText(file), "");
            foreach (Match match in Qualified().Matches(code))
            {
                used.Add(match.Groups[1].Value);
            }

            // Inside namespace RegistryGuard.X, "Y.Type" names RegistryGuard.Y when Y is a folder.
            foreach (Match match in Partial().Matches(code))
            {
                used.Add(match.Groups[1].Value);
            }
        }

        used.IntersectWith(folders);
        used.Remove(self);
        return used;
    }

    [GeneratedRegex(@"//[^\n]*|""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex Comments();

    [GeneratedRegex(@"\bRegistryGuard\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.[A-Z]\w*(?:\.|\()")]
    private static partial Regex Partial();
}
