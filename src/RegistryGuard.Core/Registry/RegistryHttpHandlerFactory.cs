using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Registry;

/// <summary>Builds the handler chain: redirects (origin-aware) → auth → sockets (pool sized to the concurrency).</summary>
internal static class RegistryHttpHandlerFactory
{
    public static HttpMessageHandler Create(RegistryClientOptions options, HttpMessageHandler? transport = null)
    {
        transport ??= CreateSockets(options);
        var auth = new AuthHandler(options.Credentials, new TokenCache(options.TimeProvider), options.BaseAddress, options.Logger) { InnerHandler = transport };
        return new RedirectHandler { InnerHandler = auth };
    }

    private static SocketsHttpHandler CreateSockets(RegistryClientOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, options.Concurrency),
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        };

        if (options.CaFile is { } caFile)
        {
            var roots = LoadCertificates(caFile);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => ValidateAgainst(roots, certificate, errors),
            };
        }

        return handler;
    }

    private static X509Certificate2Collection LoadCertificates(string caFile)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(caFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new ArgumentException($"--ca-file {caFile}: cannot read PEM certificates ({ex.Message})", ex);
        }

        return collection.Count == 0 ? throw new ArgumentException($"--ca-file {caFile}: no certificates in the file") : collection;
    }

    private static bool ValidateAgainst(X509Certificate2Collection roots, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
