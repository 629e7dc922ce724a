using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Signatures;

namespace RegistryGuard.Tests.Signatures;

public sealed class SignatureVerifierTests
{
    private static readonly Digest Subject = Digest.Parse(OpensslFixtures.SignedDigest);
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(OpensslFixtures.Payload);
    private static readonly CosignKey P256 = CosignKeyFile.Parse(OpensslFixtures.P256Public, "p256.pub");
    private static readonly CosignKey P384 = CosignKeyFile.Parse(OpensslFixtures.P384Public, "p384.pub");
    private static readonly CosignKey Rsa = CosignKeyFile.Parse(OpensslFixtures.RsaPublic, "rsa.pub");

    [Fact]
    public void Openssl_signatures_verify_with_their_keys()
    {
        Assert.Same(P256, SignatureVerifier.Verify([P256], Subject, Payload, OpensslFixtures.P256Signature).Key);
        Assert.Same(P384, SignatureVerifier.Verify([P384], Subject, Payload, OpensslFixtures.P384Sha384Signature).Key);
        Assert.Same(P384, SignatureVerifier.Verify([P384], Subject, Payload, OpensslFixtures.P384Sha256Signature).Key);
        Assert.Same(Rsa, SignatureVerifier.Verify([Rsa], Subject, Payload, OpensslFixtures.RsaSignature).Key);
    }

    [Fact]
    public void Any_of_several_keys_may_have_signed()
    {
        var verdict = SignatureVerifier.Verify([Rsa, P384, P256], Subject, Payload, OpensslFixtures.P256Signature);

        Assert.Same(P256, verdict.Key);
    }

    [Fact]
    public void A_signature_by_another_key_is_invalid_and_names_keys_by_fingerprint_only()
    {
        var verdict = SignatureVerifier.Verify([P384, Rsa], Subject, Payload, OpensslFixtures.P256Signature);

        Assert.False(verdict.IsValid);
        Assert.Contains("verifies with none of the keys", verdict.Problem, StringComparison.Ordinal);
        Assert.Contains(P384.Fingerprint, verdict.Problem, StringComparison.Ordinal);
        Assert.Contains("MEUCIQCeno4L…", verdict.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain(OpensslFixtures.P256Signature, verdict.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_payload_or_signature_does_not_verify()
    {
        var tampered = Encoding.UTF8.GetBytes(OpensslFixtures.Payload.Replace("team/app", "team/apq", StringComparison.Ordinal));
        var bytes = Convert.FromBase64String(OpensslFixtures.P256Signature);
        bytes[^3] ^= 0x01;

        Assert.False(SignatureVerifier.Verify([P256], Subject, tampered, OpensslFixtures.P256Signature).IsValid);
        Assert.False(SignatureVerifier.Verify([P256], Subject, Payload, Convert.ToBase64String(bytes)).IsValid);
        Assert.Contains("is not base64", SignatureVerifier.Verify([P256], Subject, Payload, "!!not base64!!").Problem, StringComparison.Ordinal);
        Assert.Contains("no dev.cosignproject.cosign/signature annotation", SignatureVerifier.Verify([P256], Subject, Payload, null).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_signature_of_another_digest_is_a_copied_signature()
    {
        var other = Digest.Parse("sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc");

        var verdict = SignatureVerifier.Verify([P256], other, Payload, OpensslFixtures.P256Signature);

        Assert.False(verdict.IsValid);
        Assert.Contains($"signed for {OpensslFixtures.SignedDigest}", verdict.Problem, StringComparison.Ordinal);
        Assert.Contains("copied from another image", verdict.Problem, StringComparison.Ordinal);
    }
}
