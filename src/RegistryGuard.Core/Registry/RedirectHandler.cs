using System.Net;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Registry;

/// <summary>
/// Follows redirects itself (blob storage backends redirect GETs to S3 and the like) so that credentials
/// are never forwarded to a different origin.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    private const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = request.RequestUri!;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        for (var hop = 0; hop < MaxRedirects && IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
            {
                return response;
            }

            var target = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage?.RequestUri ?? origin, location);
            if (target.Scheme is not ("http" or "https"))
            {
                return response;
            }

            response.Dispose();
            using var next = new HttpRequestMessage(request.Method, target);
            foreach (var header in request.Headers.Where(h => h.Key != "Authorization"))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            var sameOrigin = Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
            if (!sameOrigin)
            {
                next.Options.Set(AuthHandler.NoAuth, true);
            }

            response = await base.SendAsync(next, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
