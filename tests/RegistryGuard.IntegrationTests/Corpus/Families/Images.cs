using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>Plain runnable images, OCI (containerd, BuildKit) and Docker schema2 (the Docker CLI), for the families to build on.</summary>
internal static class Images
{
    public static readonly Platform Amd64 = new("linux", "amd64");
    public static readonly Platform Arm64 = new("linux", "arm64", "v8");
    private static readonly DateTimeOffset Epoch = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An OCI image: the given shared layers, then one layer of its own made from <paramref name="seed"/>.</summary>
    public static ManifestArtifact Oci(string seed, Platform? platform = null, IReadOnlyList<Layer>? shared = null, int hour = 0) =>
        Manifests.Image(Spec(seed, platform ?? Amd64, shared, hour, MediaTypes.OciLayerGzip, MediaTypes.OciConfig));

    /// <summary>A Docker schema2 image as the Docker CLI pushes it: Docker media types, 3-space indentation, size before digest.</summary>
    public static ManifestArtifact Docker(string seed, Platform? platform = null, IReadOnlyList<Layer>? shared = null, int hour = 0) =>
        Manifests.Image(Spec(seed, platform ?? Amd64, shared, hour, Layers.DockerGzip, Configs.DockerImage) with
        {
            MediaType = MediaTypes.DockerManifest,
            Style = JsonStyle.Docker,
        });

    public static ImageSpec Spec(string seed, Platform platform, IReadOnlyList<Layer>? shared, int hour, string layerType, string configType)
    {
        List<Layer> layers = [.. shared ?? [], Layers.Gzip(seed, 256, layerType)];
        return new ImageSpec(Configs.Image(platform, layers, Epoch.AddHours(hour), configType), layers);
    }
}
