using System.Net;
using System.Net.Http;
using RegistryGuard.Registry;

namespace RegistryGuard.Runs;

/// <summary>
/// A registry given without a scheme is tried over HTTPS. On a loopback address (localhost, 127.0.0.0/8, ::1) that
/// does not speak TLS, plain HTTP is used instead, as docker treats loopback registries as insecure by default, and
/// the run says so once. Anywhere else a TLS failure stays an error whose message names the http:// fix.
/// </summary>
public static class SchemeFallback
{
    public static bool IsLoopback(Uri registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.IsLoopback || (IPAddress.TryParse(registry.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <returns>The connection to use, and the note to print when it changed.</returns>
    public static async Task<(RegistryConnection Connection, string? Note)> ResolveAsync(RegistryConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!connection.TryPlainHttp || connection.Registry.Scheme != Uri.UriSchemeHttps || !IsLoopback(connection.Registry))
        {
            return (connection, null);
        }

        if (!await FailsTlsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return (connection, null);
        }

        var plain = new UriBuilder(connection.Registry) { Scheme = Uri.UriSchemeHttp, Port = connection.Registry.Port }.Uri;
        var candidate = connection with { Registry = plain, TryPlainHttp = false };
        if (!await AnswersAsync(candidate, cancellationToken).ConfigureAwait(false))
        {
            return (connection, null); // neither answers: the run reports the HTTPS error
        }

        var authority = plain.GetLeftPart(UriPartial.Authority);
        return (candidate, $"{connection.Registry.Authority} does not speak HTTPS; using {authority} (plain HTTP, as docker does for loopback registries); give {authority} to skip this check");
    }

    private static async Task<bool> FailsTlsAsync(RegistryConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new RegistryClient(Once(connection));
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
        catch (RegistryUnreachableException ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return true;
        }
        catch (RegistryException)
        {
            return false; // it speaks TLS; whatever else is wrong, the run says
        }
    }

    private static async Task<bool> AnswersAsync(RegistryConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new RegistryClient(Once(connection));
            await client.PingAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RegistryUnreachableException)
        {
            return false;
        }
        catch (RegistryException)
        {
            return true; // an HTTP answer (401, 404…): it speaks plain HTTP
        }
    }

    private static RegistryClientOptions Once(RegistryConnection connection) => connection.ClientOptions() with { MaxRetries = 0 };
}
