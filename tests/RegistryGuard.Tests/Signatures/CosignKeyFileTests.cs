using System.Security.Cryptography;
using System.Text;
using RegistryGuard.Signatures;

namespace RegistryGuard.Tests.Signatures;

public sealed class CosignKeyFileTests
{
    [Fact]
    public void A_P256_public_key_as_cosign_writes_it_loads_with_its_openssl_fingerprint()
    {
        var key = CosignKeyFile.Parse(OpensslFixtures.P256Public, "cosign.pub");

        Assert.Equal(CosignKeyType.EcdsaP256, key.Type);
        Assert.Equal(OpensslFixtures.P256Fingerprint, key.Fingerprint);
        Assert.Equal("ECDSA P-256 " + OpensslFixtures.P256Fingerprint, key.ToString());
    }

    [Fact]
    public void P384_and_RSA_keys_load_and_RSA_in_PKCS1_form_is_the_same_key()
    {
        Assert.Equal(CosignKeyType.EcdsaP384, CosignKeyFile.Parse(OpensslFixtures.P384Public, "p384.pub").Type);
        var spki = CosignKeyFile.Parse(OpensslFixtures.RsaPublic, "rsa.pub");
        var pkcs1 = CosignKeyFile.Parse(OpensslFixtures.RsaPkcs1Public, "rsa1.pub");

        Assert.Equal(CosignKeyType.Rsa, spki.Type);
        Assert.Equal(spki.Fingerprint, pkcs1.Fingerprint);
    }

    [Fact]
    public void Text_around_the_PEM_block_is_ignored()
    {
        var key = CosignKeyFile.Parse("# published with the packages\n" + OpensslFixtures.P256Public + "\n\n", "cosign.pub");

        Assert.Equal(OpensslFixtures.P256Fingerprint, key.Fingerprint);
    }

    [Theory]
    [InlineData("", "not a PEM public key")]
    [InlineData("hello, I am not a key", "not a PEM public key")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not a SubjectPublicKeyInfo")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "holds a CERTIFICATE, not a PUBLIC KEY")]
    public void Garbage_is_one_clear_line_naming_the_file(string content, string expected)
    {
        var error = Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(content, "keys/garbage.pub"));

        Assert.StartsWith("cosign key keys/garbage.pub: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_private_key_given_by_mistake_is_refused_without_echoing_it()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ecdsa.ExportPkcs8PrivateKeyPem();
        var sec1 = ecdsa.ExportECPrivateKeyPem();

        foreach (var text in new[] { pem, sec1, pem + "\n" + ecdsa.ExportSubjectPublicKeyInfoPem() })
        {
            var error = Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(text, "cosign.key"));

            Assert.Contains("is a private key", error.Message, StringComparison.Ordinal);
            Assert.Contains("give the public key", error.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(text, error.Message);
        }
    }

    [Fact]
    public void Cosigns_encrypted_private_key_given_by_mistake_says_to_use_cosign_pub()
    {
        // The shape of cosign.key: a PEM block whose body is base64 of a JSON envelope (here a made-up one).
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"kdf":{"name":"scrypt"},"cipher":{"name":"nacl/secretbox"},"ciphertext":"AAAA"}"""));
        foreach (var label in new[] { "ENCRYPTED SIGSTORE PRIVATE KEY", "ENCRYPTED COSIGN PRIVATE KEY" })
        {
            var text = $"-----BEGIN {label}-----\n{body}\n-----END {label}-----\n";

            var error = Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(text, "cosign.key"));

            Assert.Contains("encrypted private key", error.Message, StringComparison.Ordinal);
            Assert.Contains("cosign.pub", error.Message, StringComparison.Ordinal);
            AssertNoKeyMaterial(text, error.Message);
        }
    }

    [Fact]
    public void Unsupported_and_weak_keys_are_refused_by_name()
    {
        Assert.Contains("Ed25519 is not supported", Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(OpensslFixtures.Ed25519Public, "ed.pub")).Message, StringComparison.Ordinal);
        Assert.Contains("1024-bit RSA key is too weak", Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(OpensslFixtures.Rsa1024Public, "old.pub")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_public_keys_in_one_file_must_be_given_separately()
    {
        var error = Assert.Throws<CosignKeyException>(() => CosignKeyFile.Parse(OpensslFixtures.P256Public + "\n" + OpensslFixtures.P384Public, "both.pub"));

        Assert.Contains("2 public keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "registryguard-no-such-key-" + Guid.NewGuid().ToString("N") + ".pub");

        var error = Assert.Throws<CosignKeyException>(() => CosignKeyFile.Load(path));

        Assert.Equal($"cosign key {path}: no such file", error.Message);
    }

    [Fact]
    public void A_file_on_disk_loads()
    {
        var path = Path.Combine(Path.GetTempPath(), "registryguard-key-" + Guid.NewGuid().ToString("N") + ".pub");
        File.WriteAllText(path, OpensslFixtures.P256Public);
        try
        {
            Assert.Equal(OpensslFixtures.P256Fingerprint, CosignKeyFile.Load(path).Fingerprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertNoKeyMaterial(string pem, string message)
    {
        foreach (var line in pem.Split('\n').Where(l => l.Length > 16 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line[..16], message, StringComparison.Ordinal);
        }
    }
}
