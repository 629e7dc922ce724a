using System.Text.Json;

namespace RegistryGuard.Oci;

/// <summary>
/// Reads manifests with <see cref="JsonDocument"/> rather than typed deserialization: a registry under
/// repair serves damaged documents, and every problem must become a precise message, never a crash.
/// </summary>
public static class ManifestParser
{
    public static Manifest Parse(ReadOnlyMemory<byte> body, string? contentType = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw new ManifestFormatException($"not valid JSON ({ex.Message})", ex) { Unrecognized = true };
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException("manifest is not a JSON object") { Unrecognized = true };
            }

            var mediaType = ResolveMediaType(root, contentType);
            if (MediaTypes.IsSchema1(mediaType) || (mediaType is null && GetInt(root, "schemaVersion") == 1))
            {
                return new Manifest(ManifestKind.Schema1, mediaType ?? MediaTypes.DockerSchema1);
            }

            if (GetInt(root, "schemaVersion") != 2)
            {
                throw new ManifestFormatException("schemaVersion is not 2") { Unrecognized = true };
            }

            if (MediaTypes.IsIndex(mediaType) || (mediaType is null && root.TryGetProperty("manifests", out _)))
            {
                return new Manifest(ManifestKind.Index, mediaType ?? MediaTypes.OciIndex)
                {
                    Manifests = ReadDescriptors(root, "manifests", required: true),
                    Subject = ReadOptionalDescriptor(root, "subject"),
                };
            }

            if (MediaTypes.IsImageManifest(mediaType) || (mediaType is null && root.TryGetProperty("config", out _)))
            {
                var config = ReadOptionalDescriptor(root, "config") ?? throw new ManifestFormatException("image manifest has no config");
                return new Manifest(ManifestKind.Image, mediaType ?? MediaTypes.OciManifest)
                {
                    Config = config,
                    Layers = ReadDescriptors(root, "layers", required: false),
                    Subject = ReadOptionalDescriptor(root, "subject"),
                };
            }

            // Without a media type distribution reads schemaVersion 2 as an OCI image manifest, whatever else is missing.
            throw new ManifestFormatException($"unsupported manifest media type '{mediaType ?? "(none)"}'") { Unrecognized = mediaType is not null };
        }
    }

    private static string? ResolveMediaType(JsonElement root, string? contentType)
    {
        // The document's own mediaType wins; the Content-Type header is a fallback for older pushes.
        if (root.TryGetProperty("mediaType", out var value) && value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        var header = contentType?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(header) || header == "application/json" ? null : header;
    }

    private static int? GetInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static List<Descriptor> ReadDescriptors(JsonElement root, string name, bool required)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new ManifestFormatException($"'{name}' is missing") : [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new ManifestFormatException($"'{name}' is not an array");
        }

        var result = new List<Descriptor>(array.GetArrayLength());
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            result.Add(ReadDescriptor(element, $"{name}[{index}]"));
            index++;
        }

        return result;
    }

    private static Descriptor? ReadOptionalDescriptor(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? ReadDescriptor(element, name) : null;

    private static Descriptor ReadDescriptor(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException($"{path} is not an object");
        }

        var mediaType = element.TryGetProperty("mediaType", out var mt) && mt.ValueKind == JsonValueKind.String ? mt.GetString()! : "";
        if (!element.TryGetProperty("digest", out var digestElement) || digestElement.ValueKind != JsonValueKind.String
            || !Digest.TryParse(digestElement.GetString(), out var digest))
        {
            throw new ManifestFormatException($"{path}.digest is missing or not a valid digest");
        }

        if (!element.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number
            || !sizeElement.TryGetInt64(out var size) || size < 0)
        {
            throw new ManifestFormatException($"{path}.size is missing or negative");
        }

        return new Descriptor(mediaType, digest, size)
        {
            Platform = ReadPlatform(element),
            Urls = ReadStrings(element, "urls"),
            Annotations = ReadAnnotations(element),
            ArtifactType = element.TryGetProperty("artifactType", out var at) && at.ValueKind == JsonValueKind.String ? at.GetString() : null,
        };
    }

    private static Platform? ReadPlatform(JsonElement element)
    {
        if (!element.TryGetProperty("platform", out var platform) || platform.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Read(string name) => platform.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Platform(Read("os") ?? "unknown", Read("architecture") ?? "unknown", Read("variant"));
    }

    private static List<string> ReadStrings(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    private static Dictionary<string, string> ReadAnnotations(JsonElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in annotations.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    result[property.Name] = property.Value.GetString()!;
                }
            }
        }

        return result;
    }
}
