using System.Text;
using System.Text.Json;

namespace RegistryGuard.Registry.Auth;

/// <summary>Reads credentials for one registry host from a docker <c>config.json</c> (<c>auths</c> entries).</summary>
public static class DockerConfigCredentials
{
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } dir
            ? Path.Combine(dir, "config.json")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "config.json");

    /// <returns>Credentials for the host, or null when the file has none for it.</returns>
    /// <exception cref="InvalidDataException">The file exists but is not a usable config (message never contains secrets).</exception>
    public static RegistryCredentials? Find(string path, Uri registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!File.Exists(path))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"{path} is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("auths", out var auths) || auths.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var entry in auths.EnumerateObject())
            {
                if (!MatchesHost(entry.Name, registry) || entry.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                return Read(entry.Value, path);
            }
        }

        return null;
    }

    private static bool MatchesHost(string key, Uri registry)
    {
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            host = host[..slash];
        }

        return host.Equals(registry.Authority, StringComparison.OrdinalIgnoreCase)
            || (registry.IsDefaultPort && host.Equals(registry.Host, StringComparison.OrdinalIgnoreCase));
    }

    private static RegistryCredentials? Read(JsonElement entry, string path)
    {
        string? Get(string name) => entry.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        if (Get("identitytoken") is { Length: > 0 } identityToken)
        {
            // Distribution's token servers accept an identity token as a refresh token for "<token>".
            return new RegistryCredentials("<token>", identityToken);
        }

        if (Get("auth") is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                throw new InvalidDataException($"{path}: an 'auth' entry is not valid base64");
            }

            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? throw new InvalidDataException($"{path}: an 'auth' entry is not user:password")
                : new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]);
        }

        return Get("username") is { } user && Get("password") is { } password ? new RegistryCredentials(user, password) : null;
    }
}
