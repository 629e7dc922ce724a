using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.Bench;

/// <summary>
/// Signs benchmark images the way <c>cosign sign --key</c> stores a signature: a manifest at the tag
/// <c>sha256-&lt;hex&gt;.sig</c> whose one layer is the simple-signing payload, with the ECDSA P-256 signature (ASN.1 DER
/// over SHA-256, base64) in the layer annotation. One key per generated registry; the public key is written as
/// cosign.pub for <c>probe --cosign-key</c>. Each (subject, repository) is signed once, so every caller sees the same bytes.
/// </summary>
internal sealed class CosignSigner : IDisposable
{
    private static readonly BlobContent EmptyConfig = new(MediaTypes.OciConfig, "{}"u8.ToArray());
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ConcurrentDictionary<(Digest Subject, string Reference), ManifestArtifact> _signatures = new();

    public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();

    public static string TagFor(Digest subject) => $"sha256-{subject.Hex}.sig";

    public ManifestArtifact SignatureOf(Digest subject, string dockerReference) =>
        _signatures.GetOrAdd((subject, dockerReference), key => Sign(key.Subject, key.Reference));

    public void Dispose() => _key.Dispose();

    private ManifestArtifact Sign(Digest subject, string dockerReference)
    {
        var payload = new BlobContent("application/vnd.dev.cosign.simplesigning.v1+json", ImageFactory.Json(w =>
        {
            w.WriteStartObject("critical");
            w.WriteStartObject("identity");
            w.WriteString("docker-reference", dockerReference);
            w.WriteEndObject();
            w.WriteStartObject("image");
            w.WriteString("docker-manifest-digest", subject.ToString());
            w.WriteEndObject();
            w.WriteString("type", "cosign container image signature");
            w.WriteEndObject();
            w.WriteNull("optional");
        }));
        var signature = Convert.ToBase64String(_key.SignData(payload.Bytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var manifest = ImageFactory.Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", MediaTypes.OciManifest);
            Descriptor(w, "config", EmptyConfig);
            w.WriteStartArray("layers");
            Descriptor(w, null, payload, signature);
            w.WriteEndArray();
        });
        return new ManifestArtifact(MediaTypes.OciManifest, manifest, [EmptyConfig, payload], []);
    }

    private static void Descriptor(Utf8JsonWriter writer, string? name, BlobContent blob, string? signature = null)
    {
        if (name is null)
        {
            writer.WriteStartObject();
        }
        else
        {
            writer.WriteStartObject(name);
        }

        writer.WriteString("mediaType", blob.MediaType);
        writer.WriteNumber("size", blob.Size);
        writer.WriteString("digest", blob.Digest.ToString());
        if (signature is not null)
        {
            writer.WriteStartObject("annotations");
            writer.WriteString("dev.cosignproject.cosign/signature", signature);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
