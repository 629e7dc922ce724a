namespace RegistryGuard.Scheduling.Config;

/// <summary>serve's configuration, validated (see docs/serve.md).</summary>
public sealed record ServeConfig(
    string ListenHost,
    int ListenPort,
    TimeZoneInfo TimeZone,
    Uri? Pushgateway,
    IReadOnlyDictionary<string, RegistryConfig> Registries,
    IReadOnlyList<JobConfig> Jobs);
