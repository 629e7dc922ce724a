using RegistryGuard.Testing;
namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// Finds every registryguard invocation in k8s/ and deploy/: container args of the registryguard container
/// (Kubernetes, kustomize patches), the command of a compose service running the image, the commands of a
/// Woodpecker step running it, and ExecStart= of the systemd units.
/// </summary>
internal static class DeployedCommandLines
{
    public static IReadOnlyList<DeployedCommandLine> All()
    {
        var found = new List<DeployedCommandLine>();
        foreach (var file in YamlFiles.UnderDeployAndK8s())
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file);
            foreach (var document in YamlFiles.LoadAll(file))
            {
                Collect(document, relative, found);
            }
        }

        foreach (var unit in Directory.EnumerateFiles(RepositoryFiles.Path("deploy", "systemd"), "*.service"))
        {
            foreach (var line in File.ReadLines(unit).Where(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)))
            {
                var words = line["ExecStart=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words[0].EndsWith("/registryguard", StringComparison.Ordinal))
                {
                    found.Add(new(Path.GetRelativePath(RepositoryFiles.Root, unit), words[1..]));
                }
            }
        }

        return found;
    }

    private static void Collect(object? node, string source, List<DeployedCommandLine> found)
    {
        switch (node)
        {
            case IDictionary<object, object?> map:
                var runsRegistryGuard = (map.TryGetValue("name", out var name) && name is "registryguard")
                    || (map.TryGetValue("image", out var image) && image is string i && i.Contains("/registryguard:", StringComparison.Ordinal));
                if (runsRegistryGuard)
                {
                    foreach (var key in new[] { "args", "command" })
                    {
                        if (map.TryGetValue(key, out var list) && list is IList<object?> items)
                        {
                            found.Add(new(source, items.Select(x => (string)x!).ToList()));
                        }
                    }

                    if (map.TryGetValue("commands", out var commands) && commands is IList<object?> shellLines)
                    {
                        foreach (var line in shellLines.Cast<string>().Where(l => l.StartsWith("registryguard ", StringComparison.Ordinal)))
                        {
                            found.Add(new(source, line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]));
                        }
                    }
                }

                foreach (var value in map.Values)
                {
                    Collect(value, source, found);
                }

                break;
            case IList<object?> list:
                foreach (var item in list)
                {
                    Collect(item, source, found);
                }

                break;
        }
    }
}
