using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Shapes of manifests and layers a checker must take: eStargz, uncompressed and non-distributable layers, 120
/// layers, no layers, an index and its image without their own mediaType, and indexes nested three deep
/// (tag → outer → middle → inner → images; the middle index also holds an image of its own).
/// </summary>
internal static class LayoutShapes
{
    public const string Prefix = "layouts";

    public static async Task PushAsync(CorpusSession session)
    {
        await session.TagAsync($"{Prefix}/estargz", "1", Image([Layers.EStargz("estargz-app")]));
        await session.TagAsync($"{Prefix}/uncompressed", "1", Image([Layers.Uncompressed("uncompressed-app", 2048)]));
        await session.TagAsync($"{Prefix}/nondistributable", "1",
            Image([Layers.Foreign("nondistributable-base", Layers.OciNondistributableGzip), Layers.Gzip("nondistributable-app")]));
        await session.TagAsync($"{Prefix}/many-layers", "120", Image([.. Enumerable.Range(0, 120).Select(i => Layers.Gzip($"many-{i:D3}", 32))]));
        await session.TagAsync($"{Prefix}/zero-layers", "1", Image([]));

        var bare = Manifests.Image(Images.Spec("bare-image", Images.Amd64, null, 0, MediaTypes.OciLayerGzip, MediaTypes.OciConfig) with { WriteMediaType = false });
        await session.TagAsync($"{Prefix}/no-mediatype", "index", Manifests.Index(new IndexSpec([EntrySpec.For(bare, Images.Amd64)]) { WriteMediaType = false }));
        await session.TagAsync($"{Prefix}/no-mediatype", "image", bare);

        var shared = new[] { Layers.Gzip("nested-base", 256) };
        var inner = BuildxImages.Index("inner", shared, "nested-inner");
        var middle = Manifests.Index(new IndexSpec([EntrySpec.For(inner), EntrySpec.For(Images.Oci("nested-middle-s390x", new Platform("linux", "s390x"), shared), new Platform("linux", "s390x"))]));
        var outer = Manifests.Index(new IndexSpec([EntrySpec.For(middle), EntrySpec.For(Images.Oci("nested-outer-ppc64le", new Platform("linux", "ppc64le"), shared), new Platform("linux", "ppc64le"))]));
        await session.TagAsync($"{Prefix}/nested", "1", outer);
        session.Facts.Nested = new CorpusObject($"{Prefix}/nested", "1", outer);
    }

    private static ManifestArtifact Image(IReadOnlyList<Layer> layers) =>
        Manifests.Image(new ImageSpec(Configs.Image(Images.Amd64, layers), layers));
}
