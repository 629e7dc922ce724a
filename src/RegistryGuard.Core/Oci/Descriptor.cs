namespace RegistryGuard.Oci;

public sealed record Descriptor(string MediaType, Digest Digest, long Size)
{
    public Platform? Platform { get; init; }

    /// <summary>Foreign-layer locations. A descriptor with URLs is served from elsewhere and is not fetched from the registry.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    public IReadOnlyDictionary<string, string> Annotations { get; init; } = EmptyAnnotations;

    public string? ArtifactType { get; init; }

    public bool IsForeign => Urls.Count > 0;

    /// <summary>buildx stores provenance and SBOMs as index children with this annotation.</summary>
    public bool IsAttestation =>
        Annotations.TryGetValue("vnd.docker.reference.type", out var type) && type == "attestation-manifest";

    private static readonly IReadOnlyDictionary<string, string> EmptyAnnotations = new Dictionary<string, string>();
}
