using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>A layer blob as pushed, with the digest of its uncompressed tar (the config's diff_id).</summary>
internal sealed record Layer(BlobContent Blob, Digest DiffId)
{
    public IReadOnlyList<(string Key, string Value)> Annotations { get; init; } = [];

    /// <summary>Foreign (Windows base layers) and non-distributable layers: clients fetch them from here, the registry holds no blob.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    public bool Pushed => Urls.Count == 0;

    public DescriptorSpec Descriptor => new(Blob.MediaType, Blob.Digest, Blob.Size) { Annotations = Annotations, Urls = Urls };
}
