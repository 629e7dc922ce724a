using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RegistryGuard.Registry.Auth;

/// <summary>
/// Answers registry challenges: Basic with the configured credentials, or the distribution token flow
/// (fetch a token for the challenged scope from the realm, cache it, retry once). Once a registry is known
/// to use Basic, credentials are sent up front so each request costs one round trip, not two. Requests to any
/// other origin than <paramref name="registry"/> (a Link header or redirect pointing elsewhere) never get credentials.
/// </summary>
internal sealed class AuthHandler(RegistryCredentials? credentials, TokenCache tokens, Uri registry, ILogger logger) : DelegatingHandler
{
    /// <summary>Set on requests that must not carry credentials (a redirect to another host).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoAuth = new("registryguard.no-auth");

    private volatile AuthChallenge? _bearerChallenge;
    private volatile bool _basicKnown;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if ((request.Options.TryGetValue(NoAuth, out var noAuth) && noAuth) || !IsRegistryOrigin(request.RequestUri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var derivedScope = AuthScope.For(request.Method, request.RequestUri!);
        AttachKnownAuth(request, derivedScope);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = response.Headers.WwwAuthenticate.Select(h => AuthChallenge.Parse(h.ToString()))
            .FirstOrDefault(c => c is not null && (c.IsBearer || c.IsBasic));
        if (challenge is null)
        {
            return response;
        }

        AuthenticationHeaderValue? header;
        if (challenge.IsBasic)
        {
            if (credentials is null || _basicKnown)
            {
                return response; // nothing new to offer: the caller sees the 401
            }

            _basicKnown = true;
            RegistryLog.UsingBasic(logger, credentials.Username);
            header = BasicHeader(credentials);
        }
        else
        {
            var scope = challenge.Scope ?? derivedScope ?? "";
            tokens.Invalidate(scope);
            _bearerChallenge = challenge;
            RegistryLog.FetchingToken(logger, challenge.Scheme, scope);
            var token = await FetchTokenAsync(challenge, scope, cancellationToken).ConfigureAwait(false);
            header = new AuthenticationHeaderValue("Bearer", token);
        }

        response.Dispose();
        using var retry = Clone(request);
        retry.Headers.Authorization = header;
        var second = await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
        return second;
    }

    private bool IsRegistryOrigin(Uri? target) =>
        target is { IsAbsoluteUri: true }
        && Uri.Compare(target, registry, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private void AttachKnownAuth(HttpRequestMessage request, string? scope)
    {
        if (_basicKnown && credentials is not null)
        {
            request.Headers.Authorization = BasicHeader(credentials);
        }
        else if (_bearerChallenge is not null && scope is not null && tokens.TryGet(scope, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    private async Task<string> FetchTokenAsync(AuthChallenge challenge, string scope, CancellationToken cancellationToken)
    {
        if (challenge.Realm is null || !Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm)
            || realm.Scheme is not ("http" or "https"))
        {
            throw new RegistryAuthException("the registry's Bearer challenge has no usable realm", HttpStatusCode.Unauthorized);
        }

        var query = new StringBuilder();
        if (challenge.Service is not null)
        {
            query.Append("service=").Append(Uri.EscapeDataString(challenge.Service));
        }

        foreach (var part in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Append(query.Length > 0 ? "&" : "").Append("scope=").Append(Uri.EscapeDataString(part));
        }

        var builder = new UriBuilder(realm) { Query = realm.Query.TrimStart('?') is { Length: > 0 } existing ? existing + "&" + query : query.ToString() };
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, builder.Uri);
        if (credentials is not null)
        {
            tokenRequest.Headers.Authorization = BasicHeader(credentials);
        }

        using var response = await base.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthException(
                $"the token service at {realm.GetLeftPart(UriPartial.Path)} refused the credentials ({(int)response.StatusCode})", response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw RetryClassifier.IsTransient(response.StatusCode)
                ? new TransientHttpException(response.StatusCode, null)
                : new RegistryAuthException($"the token service answered {(int)response.StatusCode}", response.StatusCode);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var (token, lifetime) = ParseTokenResponse(body);
        tokens.Store(scope, token, lifetime);
        return token;
    }

    internal static (string Token, TimeSpan Lifetime) ParseTokenResponse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var token = Get("token") ?? Get("access_token");
            if (string.IsNullOrEmpty(token))
            {
                throw new RegistryAuthException("the token service's answer has no token");
            }

            // The spec's default lifetime when expires_in is absent is 60 seconds.
            var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) && s > 0 ? s : 60;
            return (token, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException)
        {
            throw new RegistryAuthException("the token service's answer is not JSON");
        }
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));

    private static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        // Request bodies here are byte-array contents, which can be sent more than once.
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Content = request.Content, Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            clone.Options.TryAdd(option.Key, option.Value);
        }

        return clone;
    }
}
