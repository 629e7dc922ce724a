namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// The trait that marks the integration suite's main paths (probe, verify, scan, scan --fix + undo, prune, restore,
/// serve with /metrics, pushes, traces): CI runs them a second time against the native executable
/// (<c>REGISTRYGUARD_BINARY=… dotnet test --filter Suite=native</c>, see test.sh).
/// </summary>
internal static class NativeSuite
{
    public const string Trait = "Suite";
    public const string Name = "native";
}
