using RegistryGuard.Common;

namespace RegistryGuard.Cli.Options;

internal static class RegistryUrl
{
    /// <summary>Accepts <c>https://host:port</c>, <c>http://…</c>, or a bare <c>host:port</c> (https).</summary>
    public static Uri Parse(string text)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new UsageException($"--registry '{UrlCredentials.Redact(text)}' is not an http(s) URL without credentials in it (use --username with a password option)");
        }

        return uri;
    }
}
