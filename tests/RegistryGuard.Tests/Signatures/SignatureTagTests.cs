using RegistryGuard.Oci;
using RegistryGuard.Signatures;

namespace RegistryGuard.Tests.Signatures;

public sealed class SignatureTagTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly Digest Subject = Digest.Parse("sha256:" + Hex);

    [Fact]
    public void Cosign_tag_names_are_derived_from_the_digest()
    {
        Assert.Equal($"sha256-{Hex}.sig", SignatureTag.For(Subject));
        Assert.Equal($"sha256-{Hex}", SignatureTag.ReferrersFallbackFor(Subject));
    }

    [Fact]
    public void Only_sig_tags_name_a_signed_digest()
    {
        Assert.True(SignatureTag.TryGetSignedDigest($"sha256-{Hex}.sig", out var signed));
        Assert.Equal(Subject, signed);
        Assert.False(SignatureTag.TryGetSignedDigest($"sha256-{Hex}.att", out _));
        Assert.False(SignatureTag.TryGetSignedDigest($"sha256-{Hex}", out _));
        Assert.False(SignatureTag.TryGetSignedDigest($"sha256-{Hex[..63]}.sig", out _));
        Assert.False(SignatureTag.TryGetSignedDigest($"sha256-{Hex.ToUpperInvariant()}.sig", out _));
    }

    [Fact]
    public void A_referrers_fallback_tag_names_its_subject_and_carries_signatures_as_a_sig_tag_does()
    {
        Assert.True(SignatureTag.TryGetReferrersSubject($"sha256-{Hex}", out var subject));
        Assert.Equal(Subject, subject);
        Assert.False(SignatureTag.TryGetReferrersSubject($"sha256-{Hex}.sig", out _));
        Assert.False(SignatureTag.TryGetReferrersSubject($"sha256-{Hex[..63]}", out _));
        Assert.True(SignatureTag.TryGetSignatureCarrierSubject($"sha256-{Hex}.sig", out _));
        Assert.True(SignatureTag.TryGetSignatureCarrierSubject($"sha256-{Hex}", out _));
        Assert.False(SignatureTag.TryGetSignatureCarrierSubject($"sha256-{Hex}.att", out _));
    }

    [Theory]
    [InlineData("sha256-" + Hex + ".sig", true)]
    [InlineData("sha256-" + Hex + ".att", true)]
    [InlineData("sha256-" + Hex + ".sbom", true)]
    [InlineData("sha256-" + Hex, true)]
    [InlineData("sha256-" + Hex + "x", false)]
    [InlineData("sha256-" + Hex + ".", false)]
    [InlineData("v1.2.3", false)]
    [InlineData("sha256-latest", false)]
    public void Tags_named_after_a_digest_are_attachments_not_images(string tag, bool attached)
    {
        Assert.Equal(attached, SignatureTag.NamesADigest(tag));
    }
}
