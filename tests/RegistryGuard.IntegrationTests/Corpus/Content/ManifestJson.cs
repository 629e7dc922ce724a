using System.Text.Json;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>Writes manifest and config documents in a client's <see cref="JsonStyle"/> and field order.</summary>
internal static class ManifestJson
{
    public static byte[] Document(JsonStyle style, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, style.WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// OCI field order is image-spec's Go struct (mediaType, digest, size, urls, annotations, platform, artifactType);
    /// Docker's is distribution's schema2 (mediaType, size, digest, urls).
    /// </summary>
    public static void Descriptor(Utf8JsonWriter writer, DescriptorSpec descriptor, bool dockerOrder = false)
    {
        writer.WriteStartObject();
        writer.WriteString("mediaType", descriptor.MediaType);
        if (dockerOrder)
        {
            writer.WriteNumber("size", descriptor.Size);
            writer.WriteString("digest", descriptor.Digest.ToString());
        }
        else
        {
            writer.WriteString("digest", descriptor.Digest.ToString());
            writer.WriteNumber("size", descriptor.Size);
        }

        if (descriptor.Urls.Count > 0)
        {
            writer.WriteStartArray("urls");
            foreach (var url in descriptor.Urls)
            {
                writer.WriteStringValue(url);
            }

            writer.WriteEndArray();
        }

        Annotations(writer, descriptor.Annotations);
        if (descriptor.Platform is { } platform)
        {
            writer.WriteStartObject("platform");
            writer.WriteString("architecture", platform.Architecture);
            writer.WriteString("os", platform.Os);
            if (platform.Variant is not null)
            {
                writer.WriteString("variant", platform.Variant);
            }

            writer.WriteEndObject();
        }

        if (descriptor.ArtifactType is not null)
        {
            writer.WriteString("artifactType", descriptor.ArtifactType);
        }

        writer.WriteEndObject();
    }

    public static void Annotations(Utf8JsonWriter writer, IReadOnlyList<(string Key, string Value)> annotations)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("annotations");
        foreach (var (key, value) in annotations)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
