namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>What the proxy does instead of (or to) the registry's answer.</summary>
internal delegate Task Fault(ProxyExchange exchange);
