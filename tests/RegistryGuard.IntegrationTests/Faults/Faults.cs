using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>The faults the proxy can inject.</summary>
internal static class Faults
{
    /// <summary>A registry error answer (5xx, 429...) with a distribution error body.</summary>
    public static Fault Status(int status, string? retryAfter = null) => async exchange =>
    {
        exchange.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            exchange.Response.Headers.RetryAfter = retryAfter;
        }

        exchange.Response.ContentType = "application/json";
        await exchange.Response.WriteAsync("{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected fault\"}]}", exchange.Aborted);
    };

    /// <summary>Answers only after <paramref name="delay"/> (or when the client hangs up).</summary>
    public static Fault Slow(TimeSpan delay) => async exchange =>
    {
        await Task.Delay(delay, exchange.Aborted);
        await exchange.ForwardAsync();
    };

    /// <summary>Announces the full length, sends half the body, then resets the connection.</summary>
    public static Fault ResetMidBody() => async exchange =>
    {
        var answer = await exchange.FetchAsync();
        exchange.WriteHead(answer);
        await exchange.Response.Body.WriteAsync(answer.Body.AsMemory(0, answer.Body.Length / 2), exchange.Aborted);
        await exchange.Response.Body.FlushAsync(exchange.Aborted);
        exchange.Context.Abort();
    };

    /// <summary>Announces the full Content-Length and ends the response after half of it.</summary>
    public static Fault ShortBody() => async exchange =>
    {
        var answer = await exchange.FetchAsync();
        await exchange.WriteAsync(answer, answer.Body.AsMemory(0, answer.Body.Length / 2));
    };

    /// <summary>The real answer with a Docker-Content-Digest that is not the body's.</summary>
    public static Fault WrongDigest() => async exchange =>
    {
        var answer = await exchange.FetchAsync();
        exchange.WriteHead(answer);
        exchange.Response.Headers["Docker-Content-Digest"] = "sha256:" + new string('0', 64);
        if (!HttpMethods.IsHead(exchange.Request.Method))
        {
            await exchange.Response.Body.WriteAsync(answer.Body, exchange.Aborted);
        }
    };

    /// <summary>A fixed answer without asking the registry at all (cheap: for synthetic content).</summary>
    public static Fault Respond(int status, string json) => async exchange =>
    {
        exchange.Response.StatusCode = status;
        exchange.Response.ContentType = "application/json";
        await exchange.Response.WriteAsync(json, exchange.Aborted);
    };

    /// <summary>A fixed body with the real answer's headers (length adjusted): malformed JSON and the like.</summary>
    public static Fault ReplaceBody(string body) => async exchange =>
    {
        var answer = await exchange.FetchAsync();
        var bytes = Encoding.UTF8.GetBytes(body);
        exchange.WriteHead(answer with { Status = 200 });
        exchange.Response.Headers.Remove("Docker-Content-Digest");
        exchange.Response.ContentLength = bytes.Length;
        await exchange.Response.Body.WriteAsync(bytes, exchange.Aborted);
    };

    /// <summary>
    /// A manifest of <paramref name="size"/> bytes, streamed (never built in memory), with or without a Content-Length.
    /// </summary>
    public static Fault HugeManifest(long size, bool announceLength) => async exchange =>
    {
        exchange.Response.StatusCode = 200;
        exchange.Response.ContentType = "application/vnd.oci.image.manifest.v1+json";
        if (announceLength)
        {
            exchange.Response.ContentLength = size;
        }

        var head = Encoding.UTF8.GetBytes("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"annotations\":{\"pad\":\"");
        var tail = Encoding.UTF8.GetBytes("\"}}");
        var chunk = Encoding.UTF8.GetBytes(new string('x', 64 * 1024));
        await exchange.Response.Body.WriteAsync(head, exchange.Aborted);
        var remaining = size - head.Length - tail.Length;
        while (remaining > 0 && !exchange.Aborted.IsCancellationRequested)
        {
            var take = (int)Math.Min(chunk.Length, remaining);
            await exchange.Response.Body.WriteAsync(chunk.AsMemory(0, take), exchange.Aborted);
            remaining -= take;
        }

        await exchange.Response.Body.WriteAsync(tail, exchange.Aborted);
    };

    /// <summary>A temporary redirect of the same path to another origin (blob storage behind a CDN).</summary>
    public static Fault RedirectTo(Uri origin) => exchange =>
    {
        exchange.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
        exchange.Response.Headers.Location = new Uri(origin, exchange.PathAndQuery.TrimStart('/')).AbsoluteUri;
        return Task.CompletedTask;
    };

    /// <summary>
    /// Paged answers whose second page's Link points back at the first (the first request's URL is remembered).
    /// The second page serves <paramref name="secondPage"/>, or the first page's content again.
    /// </summary>
    public static Fault LinkLoop(string? secondPage = null)
    {
        string? first = null;
        return async exchange =>
        {
            var current = exchange.PathAndQuery;
            Interlocked.CompareExchange(ref first, current, null);
            var answer = await exchange.FetchAsync(first);
            var isFirst = current == first;
            var body = isFirst || secondPage is null ? answer.Body : Encoding.UTF8.GetBytes(secondPage);
            exchange.WriteHead(answer);
            exchange.Response.ContentLength = body.Length;
            exchange.Response.Headers.Link = $"<{(isFirst ? first + "&last=loop" : first)}>; rel=\"next\"";
            await exchange.Response.Body.WriteAsync(body, exchange.Aborted);
        };
    }

    /// <summary>The real page, with a Link to a new URL every time (a cursor that never advances): never a repeated URL.</summary>
    public static Fault EndlessLinks()
    {
        var counter = 0;
        return async exchange =>
        {
            var answer = await exchange.FetchAsync(exchange.Request.Path);
            exchange.WriteHead(answer);
            exchange.Response.Headers.Link = $"<{exchange.Request.Path}?n=1000&last=page{Interlocked.Increment(ref counter)}>; rel=\"next\"";
            await exchange.Response.Body.WriteAsync(answer.Body, exchange.Aborted);
        };
    }

    /// <summary>The real page, with an absolute Link to the same path on another origin.</summary>
    public static Fault LinkToOrigin(Uri origin) => async exchange =>
    {
        var answer = await exchange.FetchAsync();
        exchange.WriteHead(answer);
        exchange.Response.Headers.Link = $"<{new Uri(origin, exchange.Request.Path.Value!.TrimStart('/') + "?n=1000&last=zzz").AbsoluteUri}>; rel=\"next\"";
        await exchange.Response.Body.WriteAsync(answer.Body, exchange.Aborted);
    };

    /// <summary>
    /// A synthetic catalog of <paramref name="count"/> names (<c>synthetic/r0000001</c>...), paged by n and last
    /// with Link headers like distribution, generated per page.
    /// </summary>
    public static Fault SyntheticCatalog(int count) => async exchange =>
    {
        var query = exchange.Request.Query;
        var pageSize = int.TryParse(query["n"], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;
        var start = query["last"].ToString() is { Length: > 0 } last ? SyntheticIndex(last) + 1 : 0;
        var end = Math.Min(count, start + pageSize);
        var json = new StringBuilder("{\"repositories\":[");
        for (var i = start; i < end; i++)
        {
            json.Append(i == start ? "" : ",").Append('"').Append(SyntheticName(i)).Append('"');
        }

        json.Append("]}");
        if (end < count)
        {
            exchange.Response.Headers.Link = $"</v2/_catalog?n={pageSize}&last={SyntheticName(end - 1)}>; rel=\"next\"";
        }

        exchange.Response.ContentType = "application/json";
        await exchange.Response.WriteAsync(json.ToString(), exchange.Aborted);
    };

    public static string SyntheticName(int index) => string.Create(CultureInfo.InvariantCulture, $"synthetic/r{index:D7}");

    private static int SyntheticIndex(string name) => int.Parse(name.AsSpan("synthetic/r".Length), CultureInfo.InvariantCulture);
}
