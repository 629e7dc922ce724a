namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>The corpus is built once per test run and shared by every test class of this collection.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusGroup : ICollectionFixture<CorpusFixture>
{
    public const string Name = "real-world corpus";
}
