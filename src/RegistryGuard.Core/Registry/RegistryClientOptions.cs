using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Registry;

public sealed record RegistryClientOptions(Uri BaseAddress)
{
    /// <summary>Requests in flight at once. The connection pool is sized to match.</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Per attempt, including reading the body.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest Retry-After honoured; longer waits count as unreachable.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Distribution itself refuses manifests above 4 MiB; a larger one is hostile or broken.</summary>
    public long MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    public RegistryCredentials? Credentials { get; init; }

    /// <summary>PEM file with the CA certificate(s) that sign the registry's certificate.</summary>
    public string? CaFile { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public string UserAgent { get; init; } = "registryguard/0.1";

    public ILogger Logger { get; init; } = NullLogger.Instance;
}
