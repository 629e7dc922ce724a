using System.Globalization;
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
        new(mediaType, ManifestJson.Document(style ?? JsonStyle.Compact, w =>
        {
            w.WriteString("architecture", platform.Architecture);
            if (created is { } time)
            {
                w.WriteString("created", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            w.WriteString("os", platform.Os);
            if (platform.Variant is not null)
            {
                w.WriteString("variant", platform.Variant);
            }

            w.WriteStartObject("config");
            w.WriteStartArray("Env");
            w.WriteStringValue("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("rootfs");
            w.WriteString("type", "layers");
            w.WriteStartArray("diff_ids");
            foreach (var layer in layers)
            {
                w.WriteStringValue(layer.DiffId.ToString());
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));

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
