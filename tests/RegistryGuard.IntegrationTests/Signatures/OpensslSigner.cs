using System.Security.Cryptography;
using System.Text;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// Makes cosign key-based signatures with openssl, an implementation independent of RegistryGuard's: a key pair from
/// <c>openssl ecparam -genkey</c> (cosign generate-key-pair's P-256) or <c>openssl genpkey -algorithm RSA</c>, the public key as
/// cosign.pub (PEM SubjectPublicKeyInfo), and <c>openssl dgst -sha256 -sign</c> over the payload bytes (ASN.1 DER).
/// </summary>
internal sealed class OpensslSigner : IDisposable
{
    private readonly string _directory;
    private readonly string _privateKey;

    private OpensslSigner(string directory)
    {
        _directory = directory;
        _privateKey = Path.Combine(directory, "signer.key");
        PublicKeyPath = Path.Combine(directory, "cosign.pub");
    }

    public string PublicKeyPath { get; }

    /// <summary>SHA256: and the first 16 hex of the sha256 of the DER public key, computed from openssl's DER.</summary>
    public string Fingerprint { get; private set; } = "";

    public string PublicKeyPem => File.ReadAllText(PublicKeyPath);

    public static Task<OpensslSigner> EcdsaAsync(string curve = "prime256v1") =>
        CreateAsync(["ecparam", "-name", curve, "-genkey", "-noout"], ["ec", "-pubout"]);

    public static Task<OpensslSigner> RsaAsync() => CreateAsync(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], ["pkey", "-pubout"]);

    public async Task<string> SignAsync(byte[] payload)
    {
        var payloadFile = Path.Combine(_directory, $"payload-{Guid.NewGuid():N}.json");
        var signatureFile = payloadFile + ".sig";
        await File.WriteAllBytesAsync(payloadFile, payload);
        await OpensslAsync("dgst", "-sha256", "-sign", _privateKey, "-out", signatureFile, payloadFile);
        return Convert.ToBase64String(await File.ReadAllBytesAsync(signatureFile));
    }

    /// <summary>The payload as cosign writes it for an image signature.</summary>
    public static byte[] Payload(Digest subject, string dockerReference, string type = "cosign container image signature") =>
        Encoding.UTF8.GetBytes(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"" + dockerReference + "\"},\"image\":{\"docker-manifest-digest\":\""
            + subject + "\"},\"type\":\"" + type + "\"},\"optional\":null}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<OpensslSigner> CreateAsync(string[] generate, string[] toPublic)
    {
        var signer = new OpensslSigner(Directory.CreateTempSubdirectory("registryguard-cosign-").FullName);
        await OpensslAsync([.. generate, "-out", signer._privateKey]);
        await OpensslAsync([.. toPublic, "-in", signer._privateKey, "-out", signer.PublicKeyPath]);
        var der = Path.Combine(signer._directory, "cosign.der");
        await OpensslAsync("pkey", "-pubin", "-in", signer.PublicKeyPath, "-outform", "DER", "-out", der);
        signer.Fingerprint = "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(der)))[..16];
        return signer;
    }

    private static async Task OpensslAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("openssl"), arguments, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"openssl {string.Join(' ', arguments)}: {result.Combined}");
    }
}
