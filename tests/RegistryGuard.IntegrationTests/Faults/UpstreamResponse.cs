namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>The real registry's answer, buffered (demo objects are small), headers as sent.</summary>
internal sealed record UpstreamResponse(int Status, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body);
