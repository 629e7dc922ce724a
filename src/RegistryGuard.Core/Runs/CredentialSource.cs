using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Runs;

/// <summary>
/// Where a run's registry credentials come from. The command line resolves them once (a password read from
/// standard input cannot be read twice); serve names files that are read again at every run, so a rotated
/// Secret is picked up without a restart. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed record CredentialSource
{
    public static CredentialSource Anonymous { get; } = new();

    /// <summary>Credentials resolved when the options were made.</summary>
    public RegistryCredentials? Given { get; init; }

    /// <summary>With <see cref="PasswordFile"/>: the user whose password that file holds.</summary>
    public string? Username { get; init; }

    public string? PasswordFile { get; init; }

    /// <summary>A docker <c>config.json</c> whose entry for the registry is used.</summary>
    public string? DockerConfig { get; init; }

    /// <exception cref="IOException">The password file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The docker config is not valid.</exception>
    public RegistryCredentials? Resolve(Uri registry)
    {
        if (Given is not null)
        {
            return Given;
        }

        if (Username is not null && PasswordFile is not null)
        {
            return new RegistryCredentials(Username, File.ReadAllText(PasswordFile).TrimEnd('\r', '\n'));
        }

        return DockerConfig is null ? null : DockerConfigCredentials.Find(DockerConfig, registry);
    }
}
