using RegistryGuard.Common;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;

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
    /// <summary>Client options for one run; the password file is read at each run so a rotated Secret is picked up.</summary>
    public RegistryClientOptions ClientOptions(int concurrency, TimeSpan timeout, int retries)
    {
        RegistryCredentials? credentials = null;
        if (Username is not null && PasswordFile is not null)
        {
            credentials = new RegistryCredentials(Username, File.ReadAllText(PasswordFile).TrimEnd('\r', '\n'));
        }
        else if (DockerConfig is not null)
        {
            credentials = DockerConfigCredentials.Find(DockerConfig, Url);
        }

        return new RegistryClientOptions(Url)
        {
            Concurrency = concurrency,
            RequestTimeout = timeout,
            MaxRetries = retries,
            Credentials = credentials,
            CaFile = CaFile,
        };
    }
}
