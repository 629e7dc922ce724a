using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Faults;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>
/// A distribution token service: Basic-authenticates the user, grants the requested scopes the policy allows,
/// and issues an RS256 JWT whose x5c chains to the root bundle the registry trusts (distribution's
/// registry/auth/token verifies exactly that). Every issued token is kept for the secrets sweep.
/// </summary>
internal sealed class TokenServer : IAsyncDisposable
{
    public const string Service = "registryguard-test-registry";
    public const string Issuer = "registryguard-test-token-service";

    /// <summary>distribution adds this to exp before refusing a token.</summary>
    private static readonly TimeSpan RegistryLeeway = TimeSpan.FromSeconds(60);

    private readonly IReadOnlyDictionary<string, TokenAccount> _accounts;
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _signer;
    private readonly TimeProvider _time;
    private KestrelHost? _host;

    private TokenServer(IReadOnlyDictionary<string, TokenAccount> accounts, string directory, TimeProvider time)
    {
        _accounts = accounts;
        _time = time;
        _ca = TestCertificates.CreateCa("registryguard test token CA");
        _signer = TestCertificates.Issue(_ca, "registryguard test token signer", server: false);
        RootCertBundle = TestCertificates.WritePem(_ca, Path.Combine(directory, "token-root.pem"));
    }

    public Uri Realm => new(_host!.Url, "token");

    public string RootCertBundle { get; }

    public TokenAuthConfig RegistryConfig => new(Realm, Service, Issuer, RootCertBundle);

    /// <summary>How long the registry accepts a token (exp is set so that exp + its leeway is this far away).</summary>
    public TimeSpan RegistryLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The expires_in told to the client; longer than <see cref="RegistryLifetime"/> simulates revocation or clock skew.</summary>
    public int AdvertisedSeconds { get; set; } = 300;

    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    /// <summary>"user scope → granted" per token request, for assertions.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<TokenServer> StartAsync(IReadOnlyDictionary<string, TokenAccount> accounts, string directory, TimeProvider? time = null)
    {
        var server = new TokenServer(accounts, directory, time ?? TimeProvider.System);
        server._host = await KestrelHost.StartAsync(server.HandleAsync);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _signer.Dispose();
        _ca.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var user = Authenticate(context.Request.Headers.Authorization.ToString());
        if (user is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"token\"";
            return;
        }

        var access = context.Request.Query["scope"]
            .SelectMany(s => (s ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(scope => Grant(user, scope))
            .Where(a => a is not null)
            .ToList();
        Requests.Enqueue($"{user} {string.Join(' ', context.Request.Query["scope"].ToArray())} → {access.Count}");
        var token = Sign(user, access);
        IssuedTokens.Enqueue(token);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["token"] = token,
            ["access_token"] = token,
            ["expires_in"] = AdvertisedSeconds,
            ["issued_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        }), context.RequestAborted);
    }

    private string? Authenticate(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && _accounts.TryGetValue(decoded[..colon], out var account) && account.Password == decoded[(colon + 1)..] ? decoded[..colon] : null;
    }

    /// <summary>"type:name:actions"; a repository name never holds ':' here, so the first and last colons split it.</summary>
    private Dictionary<string, object>? Grant(string user, string scope)
    {
        var first = scope.IndexOf(':', StringComparison.Ordinal);
        var last = scope.LastIndexOf(':');
        if (first <= 0 || last <= first)
        {
            return null;
        }

        var (type, name, actions) = (scope[..first], scope[(first + 1)..last], scope[(last + 1)..].Split(','));
        var granted = _accounts[user].Grants.SelectMany(g => g.Allowed(type, name, actions)).Distinct().ToArray();
        return granted.Length == 0 ? null : new Dictionary<string, object> { ["type"] = type, ["name"] = name, ["actions"] = granted };
    }

    private string Sign(string user, List<Dictionary<string, object>?> access)
    {
        var now = _time.GetUtcNow();
        var header = new Dictionary<string, object>
        {
            ["typ"] = "JWT",
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(_signer.RawData) },
        };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["sub"] = user,
            ["aud"] = Service,
            ["exp"] = (now + RegistryLifetime - RegistryLeeway).ToUnixTimeSeconds(),
            ["nbf"] = (now - TimeSpan.FromSeconds(5)).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["jti"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            ["access"] = access,
        };
        var signingInput = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        using var key = _signer.GetRSAPrivateKey()!;
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
