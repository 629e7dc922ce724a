namespace RegistryGuard.Oci;

/// <summary>A reference such as <c>registry.example:5050/team/app:tag</c> or <c>…/app@sha256:…</c>.</summary>
public sealed record ImageReference(Uri Registry, string Repository, string Reference)
{
    public bool IsDigest => Reference.Contains(':', StringComparison.Ordinal);

    public override string ToString() => $"{Registry.Authority}/{Repository}{(IsDigest ? "@" : ":")}{Reference}";

    /// <param name="text">host[:port]/repo[:tag|@digest], optionally prefixed with http:// or https://.</param>
    /// <param name="plainHttp">Use http:// when the text has no scheme.</param>
    public static ImageReference Parse(string text, bool plainHttp = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scheme = plainHttp ? "http" : "https";
        var rest = text;
        foreach (var prefix in (string[])["http://", "https://"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                scheme = prefix[..^3];
                rest = text[prefix.Length..];
            }
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{Common.UrlCredentials.Redact(text)}' has no registry host: expected host[:port]/repository[:tag|@digest]");
        }

        var host = rest[..slash];
        if (host.Contains('@', StringComparison.Ordinal))
        {
            throw new FormatException($"'{Common.UrlCredentials.Redact(host)}' has credentials in the registry host: pass them with --username and a password option");
        }

        var path = rest[(slash + 1)..];
        string repository;
        string reference;
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            repository = path[..at];
            reference = path[(at + 1)..];
            if (!Digest.TryParse(reference, out _))
            {
                throw new FormatException($"'{reference}' is not a valid digest");
            }
        }
        else
        {
            var colon = path.LastIndexOf(':');
            (repository, reference) = colon > path.LastIndexOf('/') && colon >= 0 ? (path[..colon], path[(colon + 1)..]) : (path, "latest");
            if (!RepositoryName.IsValidTag(reference))
            {
                throw new FormatException($"'{reference}' is not a valid tag");
            }
        }

        if (!RepositoryName.IsValid(repository))
        {
            throw new FormatException($"'{repository}' is not a valid repository name");
        }

        return new ImageReference(new Uri($"{scheme}://{host}/"), repository, reference);
    }
}
