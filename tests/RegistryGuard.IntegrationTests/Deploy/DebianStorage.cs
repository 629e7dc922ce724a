namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>Where Debian's docker-registry package (the registry VM's) keeps its config and storage, and as whom it runs.</summary>
internal static class DebianStorage
{
    public const string Root = "/var/lib/docker-registry";

    public const string ConfigFile = "/etc/docker/registry/config.yml";

    public const string User = "docker-registry";
}
