namespace RegistryGuard.Common;

/// <summary>
/// URLs typed by an operator may carry <c>user:password@</c>. They are refused, and the refusal must not print
/// the password back into a log or a CI transcript.
/// </summary>
public static class UrlCredentials
{
    private const string Mask = "***";

    /// <summary>
    /// Replaces everything between the scheme (or the start) and the last <c>@</c> with <c>***</c>. The last
    /// <c>@</c>, not the first, and not only within the authority: a password may itself hold <c>@</c> or
    /// <c>/</c>, and a URL that does not parse must not be echoed with half a password in it either.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var start = scheme < 0 ? 0 : scheme + 3;
        var at = text.LastIndexOf('@');
        return at < start ? text : string.Concat(text.AsSpan(0, start), Mask, text.AsSpan(at));
    }
}
