using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// What <c>docker push</c> writes: schema2 images and manifest lists with Docker media types and 3-space
/// indentation; a Windows image whose base layer is foreign (only a URL, no blob in the registry); an image with
/// no layers; an image listing one layer twice (two identical RUN steps produce the same diff).
/// </summary>
internal static class DockerImages
{
    public const string Repository = "docker/legacy";

    public static async Task PushAsync(CorpusSession session)
    {
        var v1 = Images.Docker("docker-v1", shared: [Layers.Gzip("docker-base", 512, Layers.DockerGzip)]);
        await session.TagAsync(Repository, "v1", v1);
        session.Facts.PlainImage = new CorpusObject(Repository, "v1", v1);

        var list = Manifests.Index(new IndexSpec(
        [
            EntrySpec.For(Images.Docker("docker-list-amd64", Images.Amd64), Images.Amd64),
            EntrySpec.For(Images.Docker("docker-list-arm", new Platform("linux", "arm", "v7")), new Platform("linux", "arm", "v7")),
        ])
        { MediaType = MediaTypes.DockerManifestList, Style = JsonStyle.Docker });
        await session.TagAsync(Repository, "multi", list);

        var windows = new Platform("windows", "amd64");
        List<Layer> windowsLayers = [Layers.Foreign("windows-servercore-base", Layers.DockerForeign), Layers.Gzip("docker-windows-app", 256, Layers.DockerGzip)];
        await session.TagAsync(Repository, "windows", Manifests.Image(new ImageSpec(Configs.Image(windows, windowsLayers, mediaType: Configs.DockerImage), windowsLayers)
        {
            MediaType = MediaTypes.DockerManifest,
            Style = JsonStyle.Docker,
        }));

        await session.TagAsync(Repository, "no-layers", Manifests.Image(new ImageSpec(Configs.Image(Images.Amd64, [], mediaType: Configs.DockerImage), [])
        {
            MediaType = MediaTypes.DockerManifest,
            Style = JsonStyle.Docker,
        }));

        var twice = Layers.Gzip("docker-twice", 128, Layers.DockerGzip);
        List<Layer> repeated = [Layers.Gzip("docker-twice-base", 256, Layers.DockerGzip), twice, twice];
        await session.TagAsync(Repository, "layer-twice", Manifests.Image(new ImageSpec(Configs.Image(Images.Amd64, repeated, mediaType: Configs.DockerImage), repeated)
        {
            MediaType = MediaTypes.DockerManifest,
            Style = JsonStyle.Docker,
        }));
    }
}
