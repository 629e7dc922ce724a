using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryGuard.Registry;

namespace RegistryGuard.Runs;

/// <summary>How a run reaches a registry over HTTP: the same defaults for every verb, on the command line and in serve.</summary>
public sealed record RegistryConnection(Uri Registry)
{
    public const int DefaultConcurrency = 16;

    public const int DefaultTimeoutSeconds = 30;

    public const int DefaultRetries = 3;

    /// <summary>Requests in flight at once; the connection pool and the probe's workers match it.</summary>
    public int Concurrency { get; init; } = DefaultConcurrency;

    /// <summary>Per request attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Retries of a transient failure (5xx, 429, timeout, reset).</summary>
    public int Retries { get; init; } = DefaultRetries;

    /// <summary>PEM CA certificate(s) that sign the registry's certificate.</summary>
    public string? CaFile { get; init; }

    public CredentialSource Credentials { get; init; } = CredentialSource.Anonymous;

    public ILogger? Logger { get; init; }

    /// <summary>
    /// The registry was given without a scheme: on a loopback address that does not speak TLS, plain HTTP is used
    /// (with a note), as docker does.
    /// </summary>
    public bool TryPlainHttp { get; init; }

    /// <summary>The registry as a push's default <c>instance</c> label: <c>host:port</c>.</summary>
    public string Instance => PushSettings.InstanceOf(Registry);

    /// <summary>Client options for one run; credentials from files are read now.</summary>
    public RegistryClientOptions ClientOptions() => new(Registry)
    {
        Concurrency = Concurrency,
        RequestTimeout = Timeout,
        MaxRetries = Retries,
        Credentials = Credentials.Resolve(Registry),
        CaFile = CaFile,
        Logger = Logger ?? NullLogger.Instance,
    };
}
