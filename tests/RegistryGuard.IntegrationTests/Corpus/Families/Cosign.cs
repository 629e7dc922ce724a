using System.Security.Cryptography;
using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// What cosign pushes (go-containerregistry: compact JSON, size before digest): <c>sha256-&lt;hex&gt;.sig</c> with one
/// simple-signing payload layer per signature (ECDSA P-256 in the layer annotation), <c>.att</c> with a DSSE envelope,
/// <c>.sbom</c> with an SPDX document. One signed digest is no longer tagged: its tag was moved to a newer image.
/// </summary>
internal static class Cosign
{
    public const string Repository = "cosign/app";
    private const string SimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json";

    public static async Task PushAsync(CorpusSession session)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var v1 = await session.TagAsync(Repository, "v1", Images.Oci("cosign-v1"));
        var v2 = await session.TagAsync(Repository, "v2", Images.Oci("cosign-v2"));
        var sig = await session.TagAsync(Repository, Attached(v1, ".sig"), Signatures(key, v1, "ci", "release"));
        await session.TagAsync(Repository, Attached(v1, ".att"), Attestation(key, v1));
        await session.TagAsync(Repository, Attached(v1, ".sbom"), Sbom(v1));
        await session.TagAsync(Repository, Attached(v2, ".sig"), Signatures(key, v2, "ci"));

        // rc pointed at an image that was signed, then moved on: the signature tag outlives the tag of its subject.
        var old = await session.TagAsync(Repository, "rc", Images.Oci("cosign-rc-old"));
        await session.TagAsync(Repository, Attached(old, ".sig"), Signatures(key, old, "ci"));
        await session.TagAsync(Repository, "rc", v2);
        session.Facts.CosignSignature = new CorpusObject(Repository, Attached(v1, ".sig"), sig);
    }

    public static string Attached(ManifestArtifact subject, string suffix) => $"sha256-{subject.Digest.Hex}{suffix}";

    private static ManifestArtifact Signatures(ECDsa key, ManifestArtifact subject, params string[] signers)
    {
        var layers = signers.Select(signer =>
        {
            var payload = Encoding.UTF8.GetBytes(
                $$$"""{"critical":{"identity":{"docker-reference":"registry.example.com/{{{Repository}}}"},"image":{"docker-manifest-digest":"{{{subject.Digest}}}"},"type":"cosign container image signature"},"optional":{"signer":"{{{signer}}}"}}""");
            var signature = Convert.ToBase64String(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            var blob = new BlobContent(SimpleSigning, payload);
            return new Layer(blob, blob.Digest) { Annotations = [("dev.cosignproject.cosign/signature", signature)] };
        }).ToList();
        return Artifact(layers);
    }

    private static ManifestArtifact Attestation(ECDsa key, ManifestArtifact subject)
    {
        var statement = Encoding.UTF8.GetBytes(
            $$$"""{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://cosign.sigstore.dev/attestation/vuln/v1","subject":[{"name":"registry.example.com/{{{Repository}}}","digest":{"sha256":"{{{subject.Digest.Hex}}}"}}],"predicate":""" + """{"scanner":{"uri":"pkg:github/aquasecurity/trivy","result":{}}}}""");
        var pae = Encoding.UTF8.GetBytes($"DSSEv1 28 application/vnd.in-toto+json {statement.Length} ").Concat(statement).ToArray();
        var signature = Convert.ToBase64String(key.SignData(pae, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var envelope = new BlobContent("application/vnd.dsse.envelope.v1+json", Encoding.UTF8.GetBytes(
            $$"""{"payloadType":"application/vnd.in-toto+json","payload":"{{Convert.ToBase64String(statement)}}","signatures":[{"keyid":"","sig":"{{signature}}"}]}"""));
        return Artifact([new Layer(envelope, envelope.Digest) { Annotations = [("dev.cosignproject.cosign/signature", ""), ("predicateType", "https://cosign.sigstore.dev/attestation/vuln/v1")] }]);
    }

    private static ManifestArtifact Sbom(ManifestArtifact subject)
    {
        var spdx = new BlobContent("text/spdx+json", Encoding.UTF8.GetBytes(
            $$"""{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"{{subject.Digest}}","packages":[{"name":"busybox","versionInfo":"1.36.1"}]}"""));
        return Artifact([new Layer(spdx, spdx.Digest)]);
    }

    /// <summary>cosign's manifest: an OCI config whose diff_ids are the layers' digests, dates at Go's zero time.</summary>
    private static ManifestArtifact Artifact(IReadOnlyList<Layer> layers)
    {
        var config = new BlobContent(MediaTypes.OciConfig, ManifestJson.Document(JsonStyle.Compact, w =>
        {
            w.WriteString("architecture", "");
            w.WriteString("created", "0001-01-01T00:00:00Z");
            w.WriteStartArray("history");
            w.WriteStartObject();
            w.WriteString("created", "0001-01-01T00:00:00Z");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("os", "");
            w.WriteStartObject("rootfs");
            w.WriteString("type", "layers");
            w.WriteStartArray("diff_ids");
            foreach (var layer in layers)
            {
                w.WriteStringValue(layer.Blob.Digest.ToString());
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("config");
            w.WriteEndObject();
        }));
        return Manifests.Image(new ImageSpec(config, layers) { SizeBeforeDigest = true });
    }
}
