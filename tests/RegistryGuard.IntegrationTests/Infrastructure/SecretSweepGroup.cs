namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Every test that handles credentials or tokens runs in this collection, so one sweep covers them all.</summary>
[CollectionDefinition(Name)]
public sealed class SecretSweepGroup : ICollectionFixture<SecretSweepFixture>
{
    public const string Name = "secrets";
}
