namespace RegistryGuard.Registry;

/// <summary>Parses the RFC 8288 <c>Link</c> header that distribution uses for catalog and tag paging.</summary>
public static class LinkHeader
{
    /// <summary>The rel="next" target resolved against the request URI, or null when there is no next page.</summary>
    public static Uri? NextPage(IEnumerable<string> headerValues, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        foreach (var value in headerValues)
        {
            foreach (var link in SplitLinks(value))
            {
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (!link.StartsWith('<') || close < 0)
                {
                    continue;
                }

                var target = link[1..close];
                var parameters = link[(close + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parameters.Any(IsNextRel) && Uri.TryCreate(requestUri, target, out var next))
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static bool IsNextRel(string parameter)
    {
        var eq = parameter.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0 || !parameter[..eq].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rels = parameter[(eq + 1)..].Trim().Trim('"');
        return rels.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase));
    }

    // Commas separate links, but may also appear inside the URI's angle brackets.
    private static IEnumerable<string> SplitLinks(string value)
    {
        var start = 0;
        var inUri = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<':
                    inUri = true;
                    break;
                case '>':
                    inUri = false;
                    break;
                case ',' when !inUri:
                    yield return value[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        if (start < value.Length)
        {
            yield return value[start..].Trim();
        }
    }
}
