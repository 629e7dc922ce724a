using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// OCI 1.1 referrers on a registry without the referrers API (2.8): each referrer is pushed by digest with a
/// <c>subject</c>, and the client keeps the fallback tag <c>sha256-&lt;subject hex&gt;</c> pointing at an index of
/// them (descriptors carry artifactType and annotations). A notation signature, an SBOM attached by ORAS, and a
/// SOCI index (its zTOCs are blobs) hang off images here.
/// </summary>
internal static class Referrers
{
    public const string NotationRepository = "notation/app";
    public const string SociRepository = "soci/app";

    public static async Task PushAsync(CorpusSession session)
    {
        var image = await session.TagAsync(NotationRepository, "v1", Images.Oci("notation-v1"));
        var signature = await session.PushByDigestAsync(NotationRepository, Referrer(image, "application/vnd.cncf.notary.signature",
            new BlobContent("application/jose+json", Encoding.UTF8.GetBytes($$"""{"payload":"eyJ0YXJnZXRBcnRpZmFjdCI6e319","protected":"eyJhbGciOiJQUzI1NiJ9","header":{"x5c":["MIIB"],"io.cncf.notary.signingAgent":"notation-go/1.2.0"},"signature":"{{image.Digest.Hex[..32]}}"}""")),
            [("io.cncf.notary.x509chain.thumbprint#S256", "[\"9f5f5d1b6b1d0e2f4c3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e\"]")]));
        var sbom = await session.PushByDigestAsync(NotationRepository, Referrer(image, "application/spdx+json",
            new BlobContent("application/spdx+json", Encoding.UTF8.GetBytes("""{"spdxVersion":"SPDX-2.3","SPDXID":"SPDXRef-DOCUMENT","name":"notation-v1","packages":[]}""")),
            [("org.opencontainers.image.created", "2026-03-01T10:00:00Z")], title: "sbom.spdx.json"));
        var fallback = await session.TagAsync(NotationRepository, FallbackTag(image), FallbackIndex(signature, sbom));
        session.Facts.Referrers = new CorpusObject(NotationRepository, FallbackTag(image), fallback);

        var app = await session.TagAsync(SociRepository, "v1", Images.Oci("soci-v1", shared: [Layers.Gzip("soci-base", 4096)]));
        var soci = await session.PushByDigestAsync(SociRepository, SociIndex(app));
        await session.TagAsync(SociRepository, FallbackTag(app), FallbackIndex(soci));
    }

    public static string FallbackTag(ManifestArtifact subject) => $"sha256-{subject.Digest.Hex}";

    /// <summary>An OCI 1.1 artifact manifest as notation and <c>oras attach</c> write it: empty config, artifactType, subject.</summary>
    private static ManifestArtifact Referrer(ManifestArtifact subject, string artifactType, BlobContent content, (string, string)[] annotations, string? title = null)
    {
        var layer = new Layer(content, content.Digest) { Annotations = title is null ? [] : [("org.opencontainers.image.title", title)] };
        return Manifests.Image(new ImageSpec(Configs.Empty, [layer]) { ArtifactType = artifactType, Subject = subject, Annotations = annotations });
    }

    private static ManifestArtifact FallbackIndex(params ManifestArtifact[] referrers) =>
        Manifests.Index(new IndexSpec([.. referrers.Select(r => new EntrySpec
        {
            Manifest = r,
            ArtifactType = ArtifactTypeOf(r),
            Annotations = [("org.opencontainers.image.created", "2026-03-01T10:00:00Z")],
        })]));

    /// <summary>soci-snapshotter's index manifest: one zTOC blob per large layer of the image, which it names in annotations.</summary>
    private static ManifestArtifact SociIndex(ManifestArtifact image)
    {
        var layer = image.Blobs[1];
        var ztoc = new BlobContent("application/octet-stream", Layers.Random($"ztoc-{layer.Digest.Hex}", 700));
        var zlayer = new Layer(ztoc, ztoc.Digest)
        {
            Annotations = [("com.amazon.soci.image-layer-digest", layer.Digest.ToString()), ("com.amazon.soci.image-layer-mediatype", layer.MediaType)],
        };
        return Manifests.Image(new ImageSpec(Configs.Empty, [zlayer])
        {
            ArtifactType = "application/vnd.amazon.soci.index.v1+json",
            Subject = image,
            Annotations = [("com.amazon.soci.build-tool-identifier", "AWS SOCI CLI v0.9.0")],
        });
    }

    private static string ArtifactTypeOf(ManifestArtifact referrer)
    {
        using var document = System.Text.Json.JsonDocument.Parse(referrer.Bytes);
        return document.RootElement.GetProperty("artifactType").GetString()!;
    }
}
