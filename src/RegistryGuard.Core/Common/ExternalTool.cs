namespace RegistryGuard.Common;

/// <summary>Finds programs RegistryGuard drives (docker-registry, skopeo) and says how to install a missing one.</summary>
public static class ExternalTool
{
    private static readonly Dictionary<string, string> Packages = new(StringComparer.Ordinal)
    {
        ["docker-registry"] = "docker-registry",
        ["skopeo"] = "skopeo",
        ["htpasswd"] = "apache2-utils",
        ["prometheus-pushgateway"] = "prometheus-pushgateway",
        ["promtool"] = "prometheus",
        ["systemd-analyze"] = "systemd",
        ["buildah"] = "buildah",
        ["umoci"] = "umoci",
    };

    public static string? TryFind(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"]);
        return directories.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    public static string Find(string name) => TryFind(name) ?? throw new FileNotFoundException(
        $"'{name}' is not installed. Install it with: sudo apt-get install -y {Packages.GetValueOrDefault(name, name)}");
}
