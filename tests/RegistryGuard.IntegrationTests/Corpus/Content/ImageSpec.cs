using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>An image or artifact manifest to write: config, layers, and what OCI 1.1 artifacts add.</summary>
internal sealed record ImageSpec(BlobContent Config, IReadOnlyList<Layer> Layers)
{
    public string MediaType { get; init; } = MediaTypes.OciManifest;

    /// <summary>False for what umoci and Helm 3.x write: the OCI manifest without its own mediaType field.</summary>
    public bool WriteMediaType { get; init; } = true;

    public JsonStyle Style { get; init; } = JsonStyle.Compact;

    /// <summary>Descriptor field order: go-containerregistry (cosign, crane, ko) and Docker write size before digest,
    /// image-spec's structs (containerd, BuildKit, ORAS) digest before size. Null: Docker's order for Docker types.</summary>
    public bool? SizeBeforeDigest { get; init; }

    public string? ArtifactType { get; init; }

    public ManifestArtifact? Subject { get; init; }

    public IReadOnlyList<(string Key, string Value)> Annotations { get; init; } = [];
}
