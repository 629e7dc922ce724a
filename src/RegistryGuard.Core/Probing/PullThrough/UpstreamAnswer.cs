using System.Net;
using System.Text.Json;

namespace RegistryGuard.Probing.PullThrough;

/// <summary>
/// Reads a pull-through cache's answer to a GET of a blob that exists nowhere (see docs/pull-through.md for the
/// measured answers of distribution 2.8.2). The cache holds no such blob, so it must ask its upstream, and the
/// answer says whether the upstream answered:
/// <list type="bullet">
/// <item>404 (<c>BLOB_UNKNOWN</c>): the upstream said "unknown": reachable.</item>
/// <item>500 whose <c>detail</c> is Go's transport error (<c>Op</c>, <c>URL</c>, <c>Err</c>): the cache could not
/// reach the upstream named by <c>URL</c>.</item>
/// <item>500 whose <c>detail</c> is the upstream's own error (<c>code</c>, or <c>errors</c>): "unknown" codes mean
/// reachable; anything else (<c>UNAUTHORIZED</c>, <c>DENIED</c>, <c>TOOMANYREQUESTS</c>) is the upstream refusing
/// the cache, which leaves uncached content just as unavailable.</item>
/// </list>
/// </summary>
public static class UpstreamAnswer
{
    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal) { "BLOB_UNKNOWN", "MANIFEST_UNKNOWN", "NAME_UNKNOWN" };

    public static UpstreamVerdict Classify(HttpStatusCode status, ReadOnlySpan<byte> body)
    {
        var code = (int)status;
        if (code is >= 200 and < 300 || status == HttpStatusCode.NotFound)
        {
            return new UpstreamVerdict(UpstreamState.Reachable, null, $"the upstream answered ({code})");
        }

        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return new UpstreamVerdict(UpstreamState.Unreachable, null, $"the cache (or a proxy in front of it) answered {code} for a request that needs the upstream");
        }

        if (status != HttpStatusCode.InternalServerError)
        {
            return new UpstreamVerdict(UpstreamState.Unknown, null, $"the cache answered {code} to the probe itself; the upstream was not checked");
        }

        return FromServerError(body);
    }

    private static UpstreamVerdict FromServerError(ReadOnlySpan<byte> body)
    {
        JsonElement detail;
        string? message;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (!TryFirstError(document.RootElement, out var error))
            {
                return Unexplained();
            }

            message = String(error, "message");
            detail = error.TryGetProperty("detail", out var d) ? d.Clone() : default;
        }
        catch (JsonException)
        {
            return Unexplained();
        }

        if (detail.ValueKind == JsonValueKind.Object && detail.TryGetProperty("URL", out var url) && url.ValueKind == JsonValueKind.String)
        {
            var upstream = Origin(url.GetString());
            return new UpstreamVerdict(UpstreamState.Unreachable, upstream, $"the cache cannot reach {upstream ?? "its upstream"}: {TransportReason(detail)}");
        }

        if (UpstreamCode(detail) is { } upstreamError)
        {
            return NotFoundCodes.Contains(upstreamError.Code)
                ? new UpstreamVerdict(UpstreamState.Reachable, null, $"the upstream answered {upstreamError.Code}")
                : new UpstreamVerdict(UpstreamState.Unreachable, null,
                    $"the upstream refuses the cache: {upstreamError.Code}{(upstreamError.Message is { Length: > 0 } m ? " " + Printable(m) : "")}");
        }

        return new UpstreamVerdict(UpstreamState.Unreachable, null,
            $"the cache answered 500 for a request that needs the upstream{(message is { Length: > 0 } ? ": " + Printable(message) : "")}");
    }

    private static UpstreamVerdict Unexplained() =>
        new(UpstreamState.Unreachable, null, "the cache answered 500 without saying why for a request that needs the upstream");

    private static bool TryFirstError(JsonElement root, out JsonElement error)
    {
        error = default;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors)
            || errors.ValueKind != JsonValueKind.Array || errors.GetArrayLength() == 0 || errors[0].ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        error = errors[0];
        return true;
    }

    /// <summary>The upstream's own error relayed in <c>detail</c>: one error object, or an <c>errors</c> list.</summary>
    private static (string Code, string? Message)? UpstreamCode(JsonElement detail)
    {
        if (detail.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var error = TryFirstError(detail, out var first) ? first : detail;
        return String(error, "code") is { Length: > 0 } code ? (Printable(code), String(error, "message")) : null;
    }

    /// <summary>Go's url.Error marshalled: the syscall's errno or the resolver's flags say what went wrong.</summary>
    private static string TransportReason(JsonElement detail)
    {
        if (Find(detail, "IsNotFound") is { ValueKind: JsonValueKind.True })
        {
            return "its host name does not resolve";
        }

        if (Find(detail, "Syscall") is { ValueKind: JsonValueKind.String } && InnermostNumber(detail, "Err") is { } errno)
        {
            return errno switch
            {
                111 => "connection refused",
                110 => "connection timed out",
                101 or 113 => "no route to it",
                _ => $"connect failed (errno {errno})",
            };
        }

        if (Find(detail, "IsTimeout") is { ValueKind: JsonValueKind.True })
        {
            return "timed out";
        }

        return Find(detail, "Op") is { ValueKind: JsonValueKind.String } op && op.GetString() == "dial" ? "cannot connect" : "the request to it failed";
    }

    private static JsonElement? Find(JsonElement element, string name) => Find(element, name, 0);

    private static JsonElement? Find(JsonElement element, string name, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object || depth > 8)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) && property.Value.ValueKind != JsonValueKind.Object)
            {
                return property.Value;
            }

            if (Find(property.Value, name, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>The innermost numeric <paramref name="name"/> (errno sits in the deepest <c>Err</c>).</summary>
    private static int? InnermostNumber(JsonElement element, string name)
    {
        int? found = null;
        var current = element;
        for (var depth = 0; depth < 8 && current.ValueKind == JsonValueKind.Object; depth++)
        {
            if (!current.TryGetProperty(name, out var value))
            {
                break;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
            {
                found = n;
            }

            current = value;
        }

        return found;
    }

    /// <summary>scheme://host:port only: a remote URL with credentials in it must not reach a report.</summary>
    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? $"{uri.Scheme}://{uri.Authority}" : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Printable(string text)
    {
        var cut = text.Length > 200 ? text[..200] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
