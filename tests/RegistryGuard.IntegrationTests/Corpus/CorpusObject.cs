using RegistryGuard.Demo;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>Something in the corpus a breakage test aims at: where it is tagged and what was pushed there.</summary>
internal sealed record CorpusObject(string Repository, string Tag, ManifestArtifact Artifact);
