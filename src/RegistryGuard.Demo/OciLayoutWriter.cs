using System.Text.Json;

namespace RegistryGuard.Demo;

/// <summary>Writes artifacts as an OCI image layout directory, which skopeo can push with <c>oci:DIR:TAG</c>.</summary>
public static class OciLayoutWriter
{
    public static void Write(string directory, IReadOnlyDictionary<string, ManifestArtifact> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var blobs = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        foreach (var artifact in tags.Values)
        {
            foreach (var blob in artifact.AllBlobs())
            {
                File.WriteAllBytes(Path.Combine(blobs, blob.Digest.Hex), blob.Bytes);
            }

            foreach (var manifest in artifact.SelfAndDescendants())
            {
                File.WriteAllBytes(Path.Combine(blobs, manifest.Digest.Hex), manifest.Bytes);
            }
        }

        using var stream = File.Create(Path.Combine(directory, "index.json"));
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 2);
        writer.WriteStartArray("manifests");
        foreach (var (tag, artifact) in tags)
        {
            writer.WriteStartObject();
            writer.WriteString("mediaType", artifact.MediaType);
            writer.WriteString("digest", artifact.Digest.ToString());
            writer.WriteNumber("size", artifact.Size);
            writer.WriteStartObject("annotations");
            writer.WriteString("org.opencontainers.image.ref.name", tag);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
