namespace RegistryGuard.Tests.Cli.Options;

/// <summary>
/// A docker config.json with no credentials, given explicitly so no operator config on the machine leaks into a
/// test (an explicit --docker-config must exist: a missing one is a usage error).
/// </summary>
internal static class EmptyDockerConfig
{
    private static readonly Lazy<string> File = new(() =>
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"registryguard-tests-empty-docker-config-{Environment.ProcessId}.json");
        System.IO.File.WriteAllText(path, "{}");
        return path;
    });

    public static string Path => File.Value;
}
