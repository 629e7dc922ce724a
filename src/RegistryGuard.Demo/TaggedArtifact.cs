namespace RegistryGuard.Demo;

/// <summary>A demo artifact and the repository:tag it is pushed as.</summary>
public sealed record TaggedArtifact(string Repository, string Tag, ManifestArtifact Artifact);
