using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>A descriptor as a client writes it into a manifest.</summary>
internal sealed record DescriptorSpec(string MediaType, Digest Digest, long Size)
{
    public Platform? Platform { get; init; }

    public IReadOnlyList<(string Key, string Value)> Annotations { get; init; } = [];

    public IReadOnlyList<string> Urls { get; init; } = [];

    public string? ArtifactType { get; init; }
}
