using System.Text;
using RegistryGuard.Oci;

namespace RegistryGuard.Tests.Oci;

public sealed class ManifestParserTests
{
    private const string D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static Manifest Parse(string json, string? contentType = null) => ManifestParser.Parse(Encoding.UTF8.GetBytes(json), contentType);

    [Fact]
    public void Oci_index_children_keep_platform_and_attestation_annotations()
    {
        var manifest = Parse($$$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{D1}}}","size":10,"platform":{"os":"linux","architecture":"arm64","variant":"v8"}},
              {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"{{{D2}}}","size":20,"platform":{"os":"unknown","architecture":"unknown"},
               "annotations":{"vnd.docker.reference.type":"attestation-manifest","vnd.docker.reference.digest":"{{{D1}}}"}}]}
            """);

        Assert.Equal(ManifestKind.Index, manifest.Kind);
        Assert.Equal(2, manifest.Manifests.Count);
        Assert.Equal("linux/arm64/v8", manifest.Manifests[0].Platform!.ToString());
        Assert.False(manifest.Manifests[0].IsAttestation);
        Assert.True(manifest.Manifests[1].IsAttestation);
    }

    [Fact]
    public void Docker_schema2_manifest_lists_config_first_and_marks_foreign_layers()
    {
        var manifest = Parse($$$"""
            {"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",
             "config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"{{{D1}}}","size":5},
             "layers":[{"mediaType":"application/vnd.docker.image.rootfs.foreign.diff.tar.gzip","digest":"{{{D2}}}","size":7,"urls":["https://example/layer"]}]}
            """);

        Assert.Equal(ManifestKind.Image, manifest.Kind);
        Assert.Equal([D1, D2], manifest.Blobs.Select(b => b.Digest.ToString()));
        Assert.True(manifest.Layers[0].IsForeign);
    }

    [Fact]
    public void Media_type_falls_back_to_content_type_then_to_shape()
    {
        var listJson = $$$"""{"schemaVersion":2,"manifests":[{"mediaType":"x","digest":"{{{D1}}}","size":1}]}""";
        Assert.Equal("application/vnd.docker.distribution.manifest.list.v2+json",
            Parse(listJson, "application/vnd.docker.distribution.manifest.list.v2+json").MediaType);
        Assert.Equal(ManifestKind.Index, Parse(listJson).Kind);
    }

    [Fact]
    public void Schema1_is_recognised_not_followed() =>
        Assert.Equal(ManifestKind.Schema1, Parse("""{"schemaVersion":1,"name":"x","tag":"y","fsLayers":[]}""").Kind);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"schemaVersion":3}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json"}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"digest":"sha256:zz","size":1}]}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"digest":"sha256:1111111111111111111111111111111111111111111111111111111111111111","size":-1}}""")]
    [InlineData("""{"schemaVersion":2,"mediaType":"text/plain"}""")]
    public void Malformed_manifests_raise_a_format_error_with_a_reason(string json)
    {
        var ex = Assert.Throws<ManifestFormatException>(() => Parse(json));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Deeply_nested_json_is_rejected_not_overflowed()
    {
        var json = "{\"schemaVersion\":2,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Throws<ManifestFormatException>(() => Parse(json));
    }

    /// <summary>What distribution 2.8.2's own reader refuses (its garbage-collect stops on such a revision), checked there.</summary>
    [Theory]
    [InlineData("{ not json", true)]
    [InlineData("[1,2]", true)]
    [InlineData("""{"schemaVersion":3}""", true)]
    [InlineData("""{"layers":[],"records":[]}""", true)] // a BuildKit cacheconfig: no schemaVersion
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.foo+json"}""", true)]
    [InlineData("""{"schemaVersion":2}""", false)] // read as an OCI image manifest
    [InlineData("""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}""", false)]
    public void Bytes_that_are_no_manifest_at_all_are_told_from_a_malformed_manifest(string json, bool unrecognized)
    {
        Assert.Equal(unrecognized, Assert.Throws<ManifestFormatException>(() => Parse(json)).Unrecognized);
    }
}
