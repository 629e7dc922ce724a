using RegistryGuard.Common;

namespace RegistryGuard.Cli.Options;

internal static class RegistryUrl
{
    /// <summary>
    /// Accepts <c>https://host:port</c>, <c>http://…</c>, or a bare <c>host:port</c> (https first; see
    /// <see cref="SchemeGiven"/>). A path ending in <c>/v2</c> or <c>/v2/</c> (the API root, as often pasted) is
    /// the same registry: the base is what is left.
    /// </summary>
    public static Uri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidate = SchemeGiven(text) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"--registry '{UrlCredentials.Redact(text)}' is not an http(s) URL without credentials in it (use --username with a password option)");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new UsageException($"--registry '{UrlCredentials.Redact(text)}' has a query or fragment; give the registry's base URL, e.g. https://registry.example:5000");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/v2", StringComparison.Ordinal))
        {
            path = path[..^"/v2".Length];
        }

        return new UriBuilder(uri) { Path = path + "/" }.Uri;
    }

    /// <summary>Whether the operator wrote the scheme; without one, a loopback registry may fall back to plain HTTP.</summary>
    public static bool SchemeGiven(string text) => text?.Contains("://", StringComparison.Ordinal) == true;
}
