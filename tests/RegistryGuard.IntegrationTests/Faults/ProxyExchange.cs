using Microsoft.AspNetCore.Http;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>One request through the proxy: the client's side (<see cref="Context"/>) and a way to ask the real registry.</summary>
internal sealed class ProxyExchange(HttpContext context, HttpClient upstream)
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Transfer-Encoding", "Connection", "Keep-Alive", "Host",
    };

    public HttpContext Context { get; } = context;

    public HttpRequest Request => Context.Request;

    public HttpResponse Response => Context.Response;

    public CancellationToken Aborted => Context.RequestAborted;

    public string PathAndQuery => Request.Path + Request.QueryString;

    /// <summary>Sends the client's request (or another path) to the real registry and buffers the answer.</summary>
    public async Task<UpstreamResponse> FetchAsync(string? pathAndQuery = null)
    {
        using var message = new HttpRequestMessage(new HttpMethod(Request.Method), pathAndQuery ?? PathAndQuery);
        if (Request.ContentLength > 0 || Request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(Request.Body);
        }

        foreach (var header in Request.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        message.Headers.Host = Request.Host.Value;
        using var response = await upstream.SendAsync(message, Aborted);
        var body = await response.Content.ReadAsByteArrayAsync(Aborted);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopByHop.Contains(h.Key))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]))
            .ToList();
        return new UpstreamResponse((int)response.StatusCode, headers, body);
    }

    /// <summary>Writes status and headers; the body is the caller's (or <paramref name="body"/> in full).</summary>
    public async Task WriteAsync(UpstreamResponse answer, ReadOnlyMemory<byte>? body = null)
    {
        WriteHead(answer);
        if (!HttpMethods.IsHead(Request.Method))
        {
            await Response.Body.WriteAsync(body ?? answer.Body, Aborted);
        }
    }

    public void WriteHead(UpstreamResponse answer)
    {
        Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            Response.Headers[name] = values;
        }
    }

    public async Task ForwardAsync() => await WriteAsync(await FetchAsync());
}
