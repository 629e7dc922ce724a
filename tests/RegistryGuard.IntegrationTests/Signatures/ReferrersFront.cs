using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using RegistryGuard.IntegrationTests.Faults;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// An in-process front for the real registry that adds what distribution 2.8 lacks: the OCI 1.1 referrers API,
/// <c>GET /v2/&lt;name&gt;/referrers/&lt;digest&gt;</c>, answered from the referrers the test registers, one per page
/// (Link header) so paging is exercised. Everything else is forwarded to the real registry.
/// </summary>
internal sealed partial class ReferrersFront : IAsyncDisposable
{
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<Digest, List<(byte[] Manifest, string ArtifactType)>> _referrers = new();
    private KestrelHost? _host;

    private ReferrersFront(Uri upstream) =>
        _upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = upstream };

    public Uri Url => _host!.Url;

    public string HostPort => Url.Authority;

    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ReferrersFront> StartAsync(Uri upstream)
    {
        var front = new ReferrersFront(upstream);
        front._host = await KestrelHost.StartAsync(front.HandleAsync);
        return front;
    }

    public void AddReferrer(Digest subject, byte[] manifest, string artifactType) =>
        _referrers.GetOrAdd(subject, _ => []).Add((manifest, artifactType));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        Requests.Enqueue($"{context.Request.Method} {path}{context.Request.QueryString}");
        var match = ReferrersRoute().Match(path);
        if (HttpMethods.IsGet(context.Request.Method) && match.Success && Digest.TryParse(match.Groups["digest"].Value, out var subject))
        {
            var all = _referrers.GetValueOrDefault(subject) ?? [];
            var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? p : 0;
            if (page + 1 < all.Count)
            {
                context.Response.Headers.Link = $"<{path}?page={page + 1}>; rel=\"next\"";
            }

            var body = CosignArtifacts.Index(all.Skip(page).Take(1));
            context.Response.ContentType = MediaTypes.OciIndex;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), path.TrimStart('/') + context.Request.QueryString);
        request.Headers.TryAddWithoutValidation("Accept", (IEnumerable<string>)context.Request.Headers.Accept);
        using var response = await _upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Where(h => h.Key is "Docker-Content-Digest" or "Link"))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        var content = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        context.Response.ContentLength = response.Content.Headers.ContentLength ?? content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        }
    }

    [GeneratedRegex("^/v2/(?<name>.+)/referrers/(?<digest>[^/]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ReferrersRoute();
}
