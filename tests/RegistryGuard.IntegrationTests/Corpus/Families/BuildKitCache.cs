using System.Globalization;
using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// <c>docker buildx build --cache-to type=registry,ref=…:buildcache,mode=max</c> in its three shapes: the default index
/// form (OCI index whose entries are layer blobs and an application/vnd.buildkit.cacheconfig.v0 config; BuildKit reads
/// them from /blobs/), the same with <c>oci-mediatypes=false</c> (a Docker manifest list of blobs), and
/// <c>image-manifest=true</c> (an image manifest whose config is the cacheconfig). Cache layers are the image's own
/// layers plus intermediate ones only the cache holds.
/// </summary>
internal static class BuildKitCache
{
    public const string Repository = "cache/app";

    public static async Task PushAsync(CorpusSession session)
    {
        var baseLayer = Layers.Gzip("cache-base", 1024);
        var app = await session.TagAsync(Repository, "1.0", Images.Oci("cache-app", shared: [baseLayer]));
        await session.TagAsync(Repository, "latest", app);
        List<Layer> layers = [baseLayer, Layers.Gzip("cache-app", 256), Layers.Gzip("cache-intermediate-1", 512), Layers.Gzip("cache-intermediate-2", 512)];

        var index = await session.TagAsync(Repository, "buildcache", CacheIndex(layers, MediaTypes.OciIndex, MediaTypes.OciLayerGzip));
        session.Facts.BuildCache = new CorpusObject(Repository, "buildcache", index);
        List<Layer> dockerLayers = [Layers.Gzip("cache-docker-1", 512, Layers.DockerGzip), Layers.Gzip("cache-docker-2", 512, Layers.DockerGzip)];
        await session.TagAsync(Repository, "buildcache-docker", CacheIndex(dockerLayers, MediaTypes.DockerManifestList, Layers.DockerGzip));
        var manifest = await session.TagAsync(Repository, "buildcache-manifest", Manifests.Image(new ImageSpec(CacheConfig(layers), [.. layers.Select(Annotated)])));
        session.Facts.BuildCacheManifest = new CorpusObject(Repository, "buildcache-manifest", manifest);
    }

    private static ManifestArtifact CacheIndex(IReadOnlyList<Layer> layers, string mediaType, string layerType)
    {
        var entries = layers.Select(l => new EntrySpec { Blob = l.Blob with { MediaType = layerType }, Annotations = Annotated(l).Annotations }).ToList();
        entries.Add(new EntrySpec { Blob = CacheConfig(layers) });
        return Manifests.Index(new IndexSpec(entries) { MediaType = mediaType });
    }

    private static Layer Annotated(Layer layer) => layer with
    {
        Annotations =
        [
            ("buildkit/createdat", "2026-03-01T10:00:00.123456789Z"),
            ("containerd.io/uncompressed", layer.DiffId.ToString()),
        ],
    };

    /// <summary>The cache graph: each layer a record chained to its parent, and build-step records pointing at them.</summary>
    private static BlobContent CacheConfig(IReadOnlyList<Layer> layers)
    {
        var json = new StringBuilder("{\"layers\":[");
        for (var i = 0; i < layers.Count; i++)
        {
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"blob":"{{layers[i].Blob.Digest}}","parent":{{i - 1}}}""");
        }

        json.Append("],\"records\":[");
        for (var i = 0; i < layers.Count; i++)
        {
            var key = Digest.Sha256Of(Encoding.UTF8.GetBytes($"step-{i}-{layers[i].Blob.Digest}"));
            json.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"digest":"{{key}}","results":[{"layer":{{i}},"createdAt":"2026-03-01T10:00:00Z"}]}""");
        }

        return new BlobContent(MediaTypes.BuildKitCacheConfig, Encoding.UTF8.GetBytes(json.Append("]}").ToString()));
    }
}
