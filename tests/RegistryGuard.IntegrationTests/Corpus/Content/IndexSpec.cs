using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>One entry of an index to write: a manifest (pushed before the index) or a blob (BuildKit's cache).</summary>
internal sealed record EntrySpec
{
    public ManifestArtifact? Manifest { get; init; }

    public BlobContent? Blob { get; init; }

    public Platform? Platform { get; init; }

    public IReadOnlyList<(string Key, string Value)> Annotations { get; init; } = [];

    public string? ArtifactType { get; init; }

    public static EntrySpec For(ManifestArtifact manifest, Platform? platform = null) => new() { Manifest = manifest, Platform = platform };

    public DescriptorSpec Descriptor => Manifest is { } m
        ? new(m.MediaType, m.Digest, m.Size) { Platform = Platform, Annotations = Annotations, ArtifactType = ArtifactType }
        : new(Blob!.MediaType, Blob.Digest, Blob.Size) { Annotations = Annotations };
}

/// <summary>An index or manifest list to write.</summary>
internal sealed record IndexSpec(IReadOnlyList<EntrySpec> Entries)
{
    public string MediaType { get; init; } = MediaTypes.OciIndex;

    /// <summary>False for an index written without its own mediaType (OCI allows it; the registry serves it as an index).</summary>
    public bool WriteMediaType { get; init; } = true;

    public JsonStyle Style { get; init; } = JsonStyle.Compact;

    /// <summary>Descriptor field order: go-containerregistry (cosign, crane, ko) and Docker write size before digest,
    /// image-spec's structs (containerd, BuildKit, ORAS) digest before size. Null: Docker's order for Docker types.</summary>
    public bool? SizeBeforeDigest { get; init; }

    public string? ArtifactType { get; init; }

    public IReadOnlyList<(string Key, string Value)> Annotations { get; init; } = [];
}
