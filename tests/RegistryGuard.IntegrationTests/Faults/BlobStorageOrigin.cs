using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>
/// A second origin (another loopback address) standing in for S3/CDN blob storage: it serves the blob bytes
/// (fetched from the real registry with its own credentials) and records every Authorization header it was sent.
/// </summary>
internal sealed class BlobStorageOrigin : IAsyncDisposable
{
    private readonly HttpClient _registry;
    private KestrelHost? _host;

    private BlobStorageOrigin(Uri registry, string? basicCredentials)
    {
        _registry = new HttpClient { BaseAddress = registry };
        if (basicCredentials is not null)
        {
            _registry.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basicCredentials);
        }
    }

    public Uri Url => _host!.Url;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Authorization headers received: must stay empty.</summary>
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    public static async Task<BlobStorageOrigin> StartAsync(Uri registry, string? basicCredentials, string address = "127.0.0.2")
    {
        var origin = new BlobStorageOrigin(registry, basicCredentials);
        origin._host = await KestrelHost.StartAsync(origin.HandleAsync, address);
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _registry.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
        if (context.Request.Headers.Authorization.Count > 0)
        {
            AuthorizationHeaders.Enqueue(context.Request.Headers.Authorization.ToString());
        }

        using var response = await _registry.GetAsync(context.Request.Path.Value!.TrimStart('/'), context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.ContentLength = body.Length;
        context.Response.ContentType = "application/octet-stream";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
