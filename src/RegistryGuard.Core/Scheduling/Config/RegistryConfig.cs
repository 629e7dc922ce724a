using RegistryGuard.Common;
using RegistryGuard.Runs;

namespace RegistryGuard.Scheduling.Config;

public sealed record RegistryConfig(
    string Name,
    Uri Url,
    string? Username,
    string? PasswordFile,
    string? DockerConfig,
    string? CaFile,
    IReadOnlyList<GlobPattern> PullThrough,
    string? StorageRoot)
{
    /// <summary>The password file or docker config is read at each run, so a rotated Secret is picked up.</summary>
    public CredentialSource Credentials => new() { Username = Username, PasswordFile = PasswordFile, DockerConfig = DockerConfig };
}
