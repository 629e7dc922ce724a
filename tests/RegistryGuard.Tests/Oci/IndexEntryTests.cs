using System.Text;
using RegistryGuard.Oci;

namespace RegistryGuard.Tests.Oci;

public sealed class IndexEntryTests
{
    private const string Layer = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string CacheConfig = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string Image = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    [Theory]
    [InlineData(MediaTypes.OciIndex, ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.OciManifest, ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.DockerManifestList, ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.DockerManifest, ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.DockerSchema1Signed, ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.OciArtifactManifest, ReferenceTarget.Manifest)]
    [InlineData("", ReferenceTarget.Manifest)]
    [InlineData(MediaTypes.BuildKitCacheConfig, ReferenceTarget.Blob)]
    [InlineData(MediaTypes.OciLayerGzip, ReferenceTarget.Blob)]
    [InlineData("application/vnd.docker.image.rootfs.diff.tar.gzip", ReferenceTarget.Blob)]
    [InlineData(MediaTypes.OciEmpty, ReferenceTarget.Blob)]
    public void An_entry_is_a_manifest_only_when_its_media_type_is_a_manifest_or_index_type(string mediaType, ReferenceTarget expected)
    {
        Assert.Equal(expected, IndexEntry.TargetOf(new Descriptor(mediaType, Digest.Parse(Layer), 1)));
    }

    [Fact]
    public void A_buildkit_cache_index_has_no_child_manifests_and_its_entries_are_blobs()
    {
        var cache = ManifestParser.Parse(Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{{Layer}}}","size":100,"annotations":{"buildkit/createdat":"2026-01-01T00:00:00Z"}},
              {"mediaType":"application/vnd.buildkit.cacheconfig.v0","digest":"{{{CacheConfig}}}","size":50}]}
            """));

        Assert.Equal(ManifestKind.Index, cache.Kind);
        Assert.Empty(cache.ChildManifests);
        Assert.Equal([Layer, CacheConfig], cache.Blobs.Select(b => b.Digest.ToString()));
        Assert.Equal(2, cache.Manifests.Count); // the raw entries stay available, in document order
    }

    [Fact]
    public void A_mixed_index_splits_its_entries_by_what_a_client_fetches()
    {
        var index = ManifestParser.Parse(Encoding.UTF8.GetBytes($$$"""
            {"schemaVersion":2,"manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{Image}}}","size":10},
              {"mediaType":"application/vnd.buildkit.cacheconfig.v0","digest":"{{{CacheConfig}}}","size":50}]}
            """));

        Assert.Equal([Image], index.ChildManifests.Select(d => d.Digest.ToString()));
        Assert.Equal([CacheConfig], index.Blobs.Select(d => d.Digest.ToString()));
        Assert.Equal([Image], index.References.Manifests.Select(d => d.Digest.ToString()));
    }
}
