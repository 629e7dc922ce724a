using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>Config blobs: image configs (OCI and Docker) and the small JSON configs artifacts carry.</summary>
internal static class Configs
{
    public const string DockerImage = "application/vnd.docker.container.image.v1+json";

    /// <summary>The OCI empty descriptor's blob: exactly the two bytes <c>{}</c>.</summary>
    public static BlobContent Empty { get; } = new(MediaTypes.OciEmpty, "{}"u8.ToArray());

    public static BlobContent Image(Platform platform, IEnumerable<Layer> layers, DateTimeOffset? created = null, string mediaType = MediaTypes.OciConfig, JsonStyle? style = null) =>
        new(mediaType, ManifestJson.Document(style ?? JsonStyle.Compact, w => ImageFactory.WriteImageConfig(w, platform, layers.Select(l => l.DiffId), created)));

    /// <summary>A small JSON config of an artifact type (Helm chart metadata, Flux, WASM, SIF).</summary>
    public static BlobContent Json(string mediaType, params (string Key, string Value)[] fields) =>
        new(mediaType, ManifestJson.Document(JsonStyle.Compact, w =>
        {
            foreach (var (key, value) in fields)
            {
                w.WriteString(key, value);
            }
        }));
}
