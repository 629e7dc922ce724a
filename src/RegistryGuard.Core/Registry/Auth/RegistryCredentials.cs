namespace RegistryGuard.Registry.Auth;

/// <summary>Username and password (or identity token). <see cref="ToString"/> never shows the secret.</summary>
public sealed class RegistryCredentials(string username, string password)
{
    public string Username { get; } = username;

    public string Password { get; } = password;

    public override string ToString() => $"{Username}:***";
}
