namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>A registryguard command line as written in a deployment file, without the program name.</summary>
internal sealed record DeployedCommandLine(string Source, IReadOnlyList<string> Arguments)
{
    public override string ToString() => $"{Source}: registryguard {string.Join(' ', Arguments)}";
}
