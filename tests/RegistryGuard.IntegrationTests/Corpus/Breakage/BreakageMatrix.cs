using RegistryGuard.Demo;
using RegistryGuard.Oci;
using static RegistryGuard.IntegrationTests.Corpus.CorpusFacts;

namespace RegistryGuard.IntegrationTests.Corpus.Breakage;

/// <summary>
/// The breakage classes of issue 13, each aimed at one object of the corpus, with the failures probe and scan must
/// report. Probe findings name every tag that reaches the broken object; scan findings name storage paths, so a tag
/// only where the scan's rule ties one to it.
/// </summary>
internal static class BreakageMatrix
{
    public static IReadOnlyList<BreakageCase> All { get; } =
    [
        new("child revision link removed",
            (d, f) => d.RemoveRevisionLink(Buildx(f).Repository, BuildxChild(f).Digest),
            f =>
            [
                new("missing_manifest", Buildx(f).Repository, "1.1", Buildx(f).Artifact.Digest, BuildxChild(f).Digest),
                new("missing_manifest", Buildx(f).Repository, "latest", Buildx(f).Artifact.Digest, BuildxChild(f).Digest),
                new("missing_manifest", Buildx(f).Repository, "1.1-amd64", null, null), // the tag that points straight at the child
            ],
            f =>
            [
                new("orphaned_child", Buildx(f).Repository, "1.1", Buildx(f).Artifact.Digest, BuildxChild(f).Digest),
                new("dangling_tag_link", Buildx(f).Repository, "1.1-amd64", null, BuildxChild(f).Digest),
            ]),
        new("grandchild revision link removed (tag → index → index → image)",
            (d, f) => d.RemoveRevisionLink(Nested(f).Repository, Grandchild(f).Digest),
            f => [new("missing_manifest", Nested(f).Repository, "1", Middle(f).Digest, Grandchild(f).Digest)],
            f => [new("orphaned_child", Nested(f).Repository, "1", Middle(f).Digest, Grandchild(f).Digest)]),
        new("great-grandchild revision link removed (three indexes deep)",
            (d, f) => d.RemoveRevisionLink(Nested(f).Repository, GreatGrandchild(f).Digest),
            f => [new("missing_manifest", Nested(f).Repository, "1", Inner(f).Digest, GreatGrandchild(f).Digest)],
            f => [new("orphaned_child", Nested(f).Repository, "1", Inner(f).Digest, GreatGrandchild(f).Digest)]),
        new("layer truncated to 0 bytes",
            (d, f) => d.TruncateBlob(PlainLayer(f).Digest),
            f => [new("size_mismatch", Plain(f).Repository, Plain(f).Tag, Plain(f).Artifact.Digest, PlainLayer(f).Digest)],
            f => [new("size_mismatch", Plain(f).Repository, null, Plain(f).Artifact.Digest, PlainLayer(f).Digest)]),
        new("layer corrupted, same size (--deep)",
            (d, f) => d.CorruptBlobSameSize(PlainLayer(f).Digest),
            f => [new("digest_mismatch", Plain(f).Repository, Plain(f).Tag, Plain(f).Artifact.Digest, PlainLayer(f).Digest)],
            f => [new("corrupt_blob", Plain(f).Repository, null, null, PlainLayer(f).Digest)])
        {
            Deep = true,
        },
        new("layer data deleted",
            (d, f) => d.DeleteBlobData(PlainLayer(f).Digest),
            f => [new("missing_blob", Plain(f).Repository, Plain(f).Tag, Plain(f).Artifact.Digest, PlainLayer(f).Digest)],
            f => [new("dangling_layer_link", Plain(f).Repository, null, null, PlainLayer(f).Digest)]),
        new("garbage in a tag link",
            (d, f) => d.GarbageInTagLink(Overwritten(f).Repository, Overwritten(f).Tag),
            f => [new("unreachable", Overwritten(f).Repository, Overwritten(f).Tag, null, null)], // the registry answers 500 for the tag
            f => [new("corrupt_link", Overwritten(f).Repository, Overwritten(f).Tag, null, null)]),
        new("signature blob deleted (cosign .sig payload)",
            (d, f) => d.DeleteBlobData(SignaturePayload(f).Digest),
            f => [new("missing_blob", Signature(f).Repository, Signature(f).Tag, Signature(f).Artifact.Digest, SignaturePayload(f).Digest)],
            f => [new("dangling_layer_link", Signature(f).Repository, null, null, SignaturePayload(f).Digest)]),
        new("attestation layer link removed (buildx provenance)",
            (d, f) => d.RemoveLayerLink(Buildx(f).Repository, Provenance(f).Digest),
            f =>
            [
                new("missing_blob", Buildx(f).Repository, "1.1", Attestation(f).Digest, Provenance(f).Digest),
                new("missing_blob", Buildx(f).Repository, "latest", Attestation(f).Digest, Provenance(f).Digest),
            ],
            f => [new("missing_layer_link", Buildx(f).Repository, null, Attestation(f).Digest, Provenance(f).Digest)]),
        new("referrer revision link removed (notation signature in the sha256-<hex> index)",
            (d, f) => d.RemoveRevisionLink(Referrers(f).Repository, Referrer(f).Digest),
            f => [new("missing_manifest", Referrers(f).Repository, Referrers(f).Tag, Referrers(f).Artifact.Digest, Referrer(f).Digest)],
            f => [new("orphaned_child", Referrers(f).Repository, Referrers(f).Tag, Referrers(f).Artifact.Digest, Referrer(f).Digest)]),
        new("BuildKit cache blob entry's layer link removed",
            (d, f) => d.RemoveLayerLink(Cache(f).Repository, CacheBlob(f).Digest),
            f =>
            [
                new("missing_blob", Cache(f).Repository, Cache(f).Tag, Cache(f).Artifact.Digest, CacheBlob(f).Digest),
                new("missing_blob", CacheManifest(f).Repository, CacheManifest(f).Tag, CacheManifest(f).Artifact.Digest, CacheBlob(f).Digest),
            ],
            f =>
            [
                new("missing_layer_link", Cache(f).Repository, null, Cache(f).Artifact.Digest, CacheBlob(f).Digest),
                new("missing_layer_link", CacheManifest(f).Repository, null, CacheManifest(f).Artifact.Digest, CacheBlob(f).Digest),
            ]),
    ];

    public static BreakageCase Named(string name) => All.Single(c => c.Name == name);

    private static CorpusObject Buildx(CorpusFacts f) => Required(f.Buildx, "a buildx index");

    private static ManifestArtifact BuildxChild(CorpusFacts f) => Buildx(f).Artifact.Children[0];

    private static ManifestArtifact Attestation(CorpusFacts f) => Buildx(f).Artifact.Children[1];

    private static BlobContent Provenance(CorpusFacts f) => Attestation(f).Blobs[1];

    private static CorpusObject Nested(CorpusFacts f) => Required(f.Nested, "nested indexes");

    private static ManifestArtifact Middle(CorpusFacts f) => Nested(f).Artifact.Children[0];

    private static ManifestArtifact Grandchild(CorpusFacts f) => Middle(f).Children[1];

    private static ManifestArtifact Inner(CorpusFacts f) => Middle(f).Children[0];

    private static ManifestArtifact GreatGrandchild(CorpusFacts f) => Inner(f).Children[0];

    private static CorpusObject Plain(CorpusFacts f) => Required(f.PlainImage, "a plain image");

    private static BlobContent PlainLayer(CorpusFacts f) => Plain(f).Artifact.Blobs[^1];

    private static CorpusObject Overwritten(CorpusFacts f) => Required(f.Overwritten, "an overwritten tag");

    private static CorpusObject Signature(CorpusFacts f) => Required(f.CosignSignature, "a cosign signature");

    private static BlobContent SignaturePayload(CorpusFacts f) => Signature(f).Artifact.Blobs[1];

    private static CorpusObject Referrers(CorpusFacts f) => Required(f.Referrers, "a referrers fallback tag");

    private static ManifestArtifact Referrer(CorpusFacts f) => Referrers(f).Artifact.Children[0];

    private static CorpusObject Cache(CorpusFacts f) => Required(f.BuildCache, "a BuildKit cache index");

    private static CorpusObject CacheManifest(CorpusFacts f) => Required(f.BuildCacheManifest, "a BuildKit cache manifest");

    private static BlobContent CacheBlob(CorpusFacts f) => Cache(f).Artifact.Blobs[2];
}
