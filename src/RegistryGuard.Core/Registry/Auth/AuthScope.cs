namespace RegistryGuard.Registry.Auth;

/// <summary>Derives the token scope a request needs when the challenge does not name one.</summary>
public static class AuthScope
{
    public const string Catalog = "registry:catalog:*";

    public static string? For(HttpMethod method, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath;
        if (!path.StartsWith("/v2/", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[4..];
        if (rest.StartsWith("_catalog", StringComparison.Ordinal))
        {
            return Catalog;
        }

        foreach (var marker in (string[])["/manifests/", "/blobs/", "/tags/", "/referrers/"])
        {
            var at = rest.LastIndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                var name = rest[..at];
                var action = method == HttpMethod.Get || method == HttpMethod.Head ? "pull"
                    : method == HttpMethod.Delete ? "delete"
                    : "pull,push";
                return $"repository:{name}:{action}";
            }
        }

        return null;
    }
}
