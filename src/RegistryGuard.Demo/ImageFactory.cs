using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using RegistryGuard.Oci;

namespace RegistryGuard.Demo;

/// <summary>
/// Builds real, pullable OCI images in memory: gzip'd tar layers, configs with matching diff_ids,
/// multi-arch indexes and buildx-style attestation children. The same seed always gives the same digests.
/// </summary>
public static class ImageFactory
{
    public static BlobContent Layer(string seed, int contentBytes = 512)
    {
        var content = new byte[contentBytes];
        new Random(StableSeed(seed)).NextBytes(content);
        using var tar = new MemoryStream();
        // Ustar, not PAX: .NET's PAX headers carry the process id and the current time, so digests would change per run.
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, $"data/{Sanitize(seed)}.bin")
            {
                DataStream = new MemoryStream(content),
                ModificationTime = DateTimeOffset.UnixEpoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(tar.ToArray());
        }

        return new LayerBlob(gzip.ToArray(), Digest.Sha256Of(tar.ToArray())).Blob;
    }

    /// <summary>An image manifest for one platform with the given layers.</summary>
    public static ManifestArtifact Image(Platform platform, params BlobContent[] layers) => Image(platform, null, layers);

    /// <summary>As <see cref="Image(Platform, BlobContent[])"/>, with the config's <c>created</c> time (what a push time over HTTP is read from).</summary>
    public static ManifestArtifact Image(Platform platform, DateTimeOffset? created, params BlobContent[] layers)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(layers);
        var diffIds = layers.Select(layer => DiffIds.TryGetValue(layer.Digest, out var diff) ? diff : layer.Digest);
        var config = Json(w => WriteImageConfig(w, platform, diffIds, created));
        var configBlob = new BlobContent(MediaTypes.OciConfig, config);
        return ImageManifest(configBlob, layers);
    }

    /// <summary>
    /// The members of an image config (platform, an optional <c>created</c> time, a command, <c>rootfs.diff_ids</c>)
    /// into the open object of <paramref name="w"/>: also for the tests' corpus, which writes it in other JSON styles.
    /// </summary>
    public static void WriteImageConfig(Utf8JsonWriter w, Platform platform, IEnumerable<Digest> diffIds, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(diffIds);
        if (created is { } time)
        {
            w.WriteString("created", time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteString("architecture", platform.Architecture);
        w.WriteString("os", platform.Os);
        if (platform.Variant is not null)
        {
            w.WriteString("variant", platform.Variant);
        }

        w.WriteStartObject("config");
        w.WriteStartArray("Cmd");
        w.WriteStringValue("/bin/true");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("rootfs");
        w.WriteString("type", "layers");
        w.WriteStartArray("diff_ids");
        foreach (var diffId in diffIds)
        {
            w.WriteStringValue(diffId.ToString());
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A buildx-style provenance attestation for <paramref name="subject"/>.</summary>
    public static ManifestArtifact Attestation(ManifestArtifact subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var statement = Json(w =>
        {
            w.WriteString("_type", "https://in-toto.io/Statement/v0.1");
            w.WriteString("predicateType", "https://slsa.dev/provenance/v0.2");
            w.WriteStartArray("subject");
            w.WriteStartObject();
            w.WriteString("name", "demo");
            w.WriteStartObject("digest");
            w.WriteString("sha256", subject.Digest.Hex);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("predicate");
            w.WriteString("builder", "registryguard-demo");
            w.WriteEndObject();
        });
        var layer = new BlobContent(MediaTypes.InToto, statement);
        var config = new BlobContent(MediaTypes.OciConfig, Json(w =>
        {
            w.WriteString("architecture", "unknown");
            w.WriteString("os", "unknown");
            w.WriteStartObject("config");
            w.WriteEndObject();
            w.WriteStartObject("rootfs");
            w.WriteString("type", "layers");
            w.WriteStartArray("diff_ids");
            w.WriteStringValue(layer.Digest.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        return ImageManifest(config, [layer], ("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2"));
    }

    /// <summary>An OCI index of platform images, each followed by its attestation when <paramref name="attest"/> is set.</summary>
    public static ManifestArtifact Index(IReadOnlyList<(Platform Platform, ManifestArtifact Image)> images, bool attest = true, string? revision = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var children = new List<ManifestArtifact>();
        var entries = new List<Action<Utf8JsonWriter>>();
        foreach (var (platform, image) in images)
        {
            children.Add(image);
            entries.Add(w => WriteDescriptor(w, image, platform, null));
            if (attest)
            {
                var attestation = Attestation(image);
                children.Add(attestation);
                entries.Add(w => WriteDescriptor(w, attestation, new Platform("unknown", "unknown"),
                    [("vnd.docker.reference.digest", image.Digest.ToString()), ("vnd.docker.reference.type", "attestation-manifest")]));
            }
        }

        var bytes = Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", MediaTypes.OciIndex);
            w.WriteStartArray("manifests");
            foreach (var entry in entries)
            {
                entry(w);
            }

            w.WriteEndArray();
            if (revision is not null)
            {
                w.WriteStartObject("annotations");
                w.WriteString("org.opencontainers.image.revision", revision);
                w.WriteEndObject();
            }
        });
        return new ManifestArtifact(MediaTypes.OciIndex, bytes, [], children);
    }

    private static ManifestArtifact ImageManifest(BlobContent config, IReadOnlyList<BlobContent> layers, params (string Key, string Value)[] layerAnnotations)
    {
        var bytes = Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", MediaTypes.OciManifest);
            w.WriteStartObject("config");
            w.WriteString("mediaType", config.MediaType);
            w.WriteString("digest", config.Digest.ToString());
            w.WriteNumber("size", config.Size);
            w.WriteEndObject();
            w.WriteStartArray("layers");
            foreach (var layer in layers)
            {
                w.WriteStartObject();
                w.WriteString("mediaType", layer.MediaType);
                w.WriteString("digest", layer.Digest.ToString());
                w.WriteNumber("size", layer.Size);
                if (layerAnnotations.Length > 0)
                {
                    w.WriteStartObject("annotations");
                    foreach (var (key, value) in layerAnnotations)
                    {
                        w.WriteString(key, value);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        return new ManifestArtifact(MediaTypes.OciManifest, bytes, [config, .. layers], []);
    }

    private static void WriteDescriptor(Utf8JsonWriter w, ManifestArtifact manifest, Platform platform, (string Key, string Value)[]? annotations)
    {
        w.WriteStartObject();
        w.WriteString("mediaType", manifest.MediaType);
        w.WriteString("digest", manifest.Digest.ToString());
        w.WriteNumber("size", manifest.Size);
        if (annotations is not null)
        {
            w.WriteStartObject("annotations");
            foreach (var (key, value) in annotations)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
        }

        w.WriteStartObject("platform");
        w.WriteString("architecture", platform.Architecture);
        w.WriteString("os", platform.Os);
        if (platform.Variant is not null)
        {
            w.WriteString("variant", platform.Variant);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>One JSON object written by <paramref name="body"/> (compact, as registries store manifests): also for test and bench artifacts.</summary>
    public static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static int StableSeed(string seed)
    {
        var hash = 17;
        foreach (var c in seed)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }

    private static string Sanitize(string seed) => new([.. seed.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);

    // diff_ids are the digests of the uncompressed tars; remembered per compressed layer for the config.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Digest, Digest> DiffIds = new();

    private sealed class LayerBlob
    {
        public LayerBlob(byte[] compressed, Digest diffId)
        {
            Blob = new BlobContent(MediaTypes.OciLayerGzip, compressed);
            DiffIds[Blob.Digest] = diffId;
        }

        public BlobContent Blob { get; }
    }
}
