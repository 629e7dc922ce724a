using System.Text;
using RegistryGuard.Signatures;

namespace RegistryGuard.Tests.Signatures;

public sealed class PayloadReaderTests
{
    private const string D = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static (bool Ok, PayloadClaims? Claims, string? Problem) Read(string json)
    {
        var ok = PayloadReader.TryRead(Encoding.UTF8.GetBytes(json), out var claims, out var problem);
        return (ok, claims, problem);
    }

    [Fact]
    public void A_cosign_payload_yields_digest_type_and_identity()
    {
        var (ok, claims, _) = Read(OpensslFixtures.Payload);

        Assert.True(ok);
        Assert.Equal(OpensslFixtures.SignedDigest, claims!.ManifestDigest.ToString());
        Assert.True(claims.IsImageSignature);
        Assert.Equal("127.0.0.1:5000/team/app", claims.DockerReference);
    }

    [Fact]
    public void Optional_annotations_and_unknown_fields_are_ignored()
    {
        var (ok, claims, _) = Read($$$"""
            {"critical":{"identity":{"docker-reference":"r/a"},"image":{"docker-manifest-digest":"{{{D}}}"},"type":"cosign container image signature","extra":1},
             "optional":{"creator":"ci","build":{"id":7} } }
            """);

        Assert.True(ok);
        Assert.Equal(D, claims!.ManifestDigest.ToString());
    }

    [Fact]
    public void Another_type_is_read_but_is_not_an_image_signature()
    {
        var (ok, claims, _) = Read($$$"""{"critical":{"identity":{},"image":{"docker-manifest-digest":"{{{D}}}"},"type":"atomic container signature"}}""");

        Assert.True(ok);
        Assert.False(claims!.IsImageSignature);
        Assert.Null(claims.DockerReference);
    }

    [Theory]
    [InlineData("", "not a simple signing document")]
    [InlineData("not json", "not a simple signing document")]
    [InlineData("[1,2]", "not a simple signing document")]
    [InlineData("null", "no 'critical' section")]
    [InlineData("{}", "no 'critical' section")]
    [InlineData("""{"critical":{"type":"cosign container image signature"}}""", "no critical.image.docker-manifest-digest")]
    [InlineData("""{"critical":{"image":{"docker-manifest-digest":"sha256:short"},"type":"cosign container image signature"}}""", "is not a digest")]
    [InlineData("""{"critical":{"image":{"docker-manifest-digest":7},"type":"cosign container image signature"}}""", "not a simple signing document")]
    [InlineData("""{"critical":{"image":{"docker-manifest-digest":"sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"}}}""", "no critical.type")]
    public void Malformed_payloads_are_reasons_not_exceptions(string json, string expected)
    {
        var (ok, claims, problem) = Read(json);

        Assert.False(ok);
        Assert.Null(claims);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_naming_two_digests_is_refused_rather_than_read_one_way()
    {
        var (ok, _, problem) = Read($$$"""
            {"critical":{"image":{"docker-manifest-digest":"{{{D}}}","docker-manifest-digest":"{{{OpensslFixtures.SignedDigest}}}"},"type":"cosign container image signature"}}
            """);

        Assert.False(ok);
        Assert.Contains("not a simple signing document", problem, StringComparison.Ordinal);
    }
}
