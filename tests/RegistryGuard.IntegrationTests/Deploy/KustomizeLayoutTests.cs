using RegistryGuard.Testing;
using static RegistryGuard.IntegrationTests.Deploy.YamlFiles;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// kustomize refuses a kustomization that takes as resource a directory containing it ("cycle detected"): an
/// overlay kept inside k8s/ must be a component, and every path a kustomization names must exist. kubectl is not a
/// Debian package the CI can install, so the rules kustomize applies are checked here on the files themselves.
/// </summary>
public sealed class KustomizeLayoutTests
{
    public static TheoryData<string> Kustomizations() =>
        [.. Directory.GetFiles(RepositoryFiles.Path("k8s"), "kustomization.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))];

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public void No_kustomization_takes_a_directory_that_contains_it_and_every_path_exists(string file)
    {
        var kustomization = LoadSingle(RepositoryFiles.Path(file));
        var directory = Path.GetDirectoryName(RepositoryFiles.Path(file))!;

        foreach (var key in new[] { "resources", "components" })
        {
            var entries = Map(kustomization).TryGetValue(key, out var value) ? List(value).Cast<string>() : [];
            foreach (var entry in entries)
            {
                var target = Path.GetFullPath(Path.Combine(directory, entry));
                Assert.True(File.Exists(target) || Directory.Exists(target), $"{file}: {key} '{entry}' does not exist");
                var contains = (directory + Path.DirectorySeparatorChar).StartsWith(target.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                Assert.False(contains, $"{file}: {key} '{entry}' contains the kustomization itself (kustomize: cycle detected)");
            }
        }
    }
}
