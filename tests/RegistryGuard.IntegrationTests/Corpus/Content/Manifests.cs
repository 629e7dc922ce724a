using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Content;

/// <summary>Writes image manifests and indexes byte for byte as their clients do, ready to push.</summary>
internal static class Manifests
{
    public static ManifestArtifact Image(ImageSpec spec)
    {
        var docker = spec.SizeBeforeDigest ?? spec.MediaType == MediaTypes.DockerManifest;
        var bytes = ManifestJson.Document(spec.Style, w =>
        {
            Header(w, spec.WriteMediaType ? spec.MediaType : null, spec.ArtifactType);
            w.WritePropertyName("config");
            ManifestJson.Descriptor(w, new DescriptorSpec(spec.Config.MediaType, spec.Config.Digest, spec.Config.Size), docker);
            w.WriteStartArray("layers");
            foreach (var layer in spec.Layers)
            {
                ManifestJson.Descriptor(w, layer.Descriptor, docker);
            }

            w.WriteEndArray();
            if (spec.Subject is { } subject)
            {
                w.WritePropertyName("subject");
                ManifestJson.Descriptor(w, new DescriptorSpec(subject.MediaType, subject.Digest, subject.Size));
            }

            ManifestJson.Annotations(w, spec.Annotations);
        });
        var blobs = spec.Layers.Where(l => l.Pushed).Select(l => l.Blob).Prepend(spec.Config).DistinctBy(b => b.Digest).ToList();
        return new ManifestArtifact(spec.MediaType, bytes, blobs, []);
    }

    public static ManifestArtifact Index(IndexSpec spec)
    {
        var docker = spec.SizeBeforeDigest ?? spec.MediaType == MediaTypes.DockerManifestList;
        var bytes = ManifestJson.Document(spec.Style, w =>
        {
            Header(w, spec.WriteMediaType ? spec.MediaType : null, spec.ArtifactType);
            w.WriteStartArray("manifests");
            foreach (var entry in spec.Entries)
            {
                ManifestJson.Descriptor(w, entry.Descriptor, docker);
            }

            w.WriteEndArray();
            ManifestJson.Annotations(w, spec.Annotations);
        });
        var blobs = spec.Entries.Select(e => e.Blob).OfType<BlobContent>().DistinctBy(b => b.Digest).ToList();
        var children = spec.Entries.Select(e => e.Manifest).OfType<ManifestArtifact>().DistinctBy(m => m.Digest).ToList();
        return new ManifestArtifact(spec.MediaType, bytes, blobs, children);
    }

    private static void Header(System.Text.Json.Utf8JsonWriter writer, string? mediaType, string? artifactType)
    {
        writer.WriteNumber("schemaVersion", 2);
        if (mediaType is not null)
        {
            writer.WriteString("mediaType", mediaType);
        }

        if (artifactType is not null)
        {
            writer.WriteString("artifactType", artifactType);
        }
    }
}
