using System.Text;
using System.Text.Json;
using RegistryGuard.Demo;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// Pushes signature artifacts shaped as cosign stores them: an OCI image manifest whose layers are the payloads
/// (<c>application/vnd.dev.cosign.simplesigning.v1+json</c>) with the base64 signature in the layer annotation
/// <c>dev.cosignproject.cosign/signature</c>; tagged <c>sha256-&lt;hex&gt;.sig</c>, or as an OCI 1.1 referrer
/// (<c>subject</c> + <c>artifactType</c>) listed in the <c>sha256-&lt;hex&gt;</c> fallback index.
/// </summary>
internal static class CosignArtifacts
{
    public const string SimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string SignatureArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json";
    private static readonly byte[] EmptyConfig = "{}"u8.ToArray();

    public static string SignatureTag(Digest subject) => $"sha256-{subject.Hex}.sig";

    public static string FallbackTag(Digest subject) => $"sha256-{subject.Hex}";

    /// <summary>Pushes the payload blobs and the signature manifest; returns the manifest bytes (tagged when <paramref name="tag"/> is given).</summary>
    public static async Task<byte[]> PushSignatureAsync(
        RegistryClient client, string repository, string? tag, IReadOnlyList<(byte[] Payload, string Signature)> layers, (Digest Digest, long Size)? subject = null)
    {
        await client.PushBlobAsync(repository, EmptyConfig, CancellationToken.None);
        foreach (var (payload, _) in layers)
        {
            await client.PushBlobAsync(repository, payload, CancellationToken.None);
        }

        var manifest = SignatureManifest(layers, subject);
        await client.PushManifestAsync(repository, tag ?? Digest.Sha256Of(manifest).ToString(), manifest, MediaTypes.OciManifest, CancellationToken.None);
        return manifest;
    }

    /// <summary>Re-pushes <paramref name="manifest"/> (from another image) under <paramref name="tag"/>: a copied signature.</summary>
    public static Task CopyAsync(RegistryClient client, string repository, string tag, byte[] manifest) =>
        client.PushManifestAsync(repository, tag, manifest, MediaTypes.OciManifest, CancellationToken.None);

    /// <summary>The referrers fallback index of a registry without the referrers API: every referrer of the subject.</summary>
    public static Task PushFallbackIndexAsync(RegistryClient client, string repository, Digest subject, params byte[][] referrers) =>
        PushFallbackIndexAsync(client, repository, subject, [.. referrers.Select(r => (r, SignatureArtifactType))]);

    /// <summary>The fallback index with each referrer's own <c>artifactType</c> (an SBOM, an attestation…).</summary>
    public static Task PushFallbackIndexAsync(RegistryClient client, string repository, Digest subject, IReadOnlyList<(byte[] Manifest, string ArtifactType)> referrers) =>
        client.PushManifestAsync(repository, FallbackTag(subject), Index(referrers), MediaTypes.OciIndex, CancellationToken.None);

    public static byte[] Index(IEnumerable<(byte[] Manifest, string ArtifactType)> referrers) => ImageFactory.Json(w =>
    {
        w.WriteNumber("schemaVersion", 2);
        w.WriteString("mediaType", MediaTypes.OciIndex);
        w.WriteStartArray("manifests");
        foreach (var (manifest, artifactType) in referrers)
        {
            w.WriteStartObject();
            w.WriteString("mediaType", MediaTypes.OciManifest);
            w.WriteString("digest", Digest.Sha256Of(manifest).ToString());
            w.WriteNumber("size", manifest.Length);
            w.WriteString("artifactType", artifactType);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    public static byte[] SignatureManifest(IReadOnlyList<(byte[] Payload, string Signature)> layers, (Digest Digest, long Size)? subject) => ImageFactory.Json(w =>
    {
        w.WriteNumber("schemaVersion", 2);
        w.WriteString("mediaType", MediaTypes.OciManifest);
        if (subject is not null)
        {
            w.WriteString("artifactType", SignatureArtifactType);
        }

        w.WriteStartObject("config");
        w.WriteString("mediaType", MediaTypes.OciConfig);
        w.WriteNumber("size", EmptyConfig.Length);
        w.WriteString("digest", Digest.Sha256Of(EmptyConfig).ToString());
        w.WriteEndObject();
        w.WriteStartArray("layers");
        foreach (var (payload, signature) in layers)
        {
            w.WriteStartObject();
            w.WriteString("mediaType", SimpleSigning);
            w.WriteNumber("size", payload.Length);
            w.WriteString("digest", Digest.Sha256Of(payload).ToString());
            w.WriteStartObject("annotations");
            w.WriteString("dev.cosignproject.cosign/signature", signature);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (subject is { } s)
        {
            w.WriteStartObject("subject");
            w.WriteString("mediaType", MediaTypes.OciManifest);
            w.WriteString("digest", s.Digest.ToString());
            w.WriteNumber("size", s.Size);
            w.WriteEndObject();
        }
    });
}
