using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Non-image artifacts as their clients push them: ORAS (1.x: empty config and artifactType; 0.x: an
/// application/vnd.unknown.config.v1+json config), Helm charts (also as Helm 3.7 wrote them, without mediaType in the
/// body), Flux, WASM and SIF (Apptainer).
/// </summary>
internal static class Artifacts
{
    public static async Task PushAsync(CorpusSession session)
    {
        await session.TagAsync("oras/docs", "v1", Manifests.Image(new ImageSpec(Configs.Empty,
        [
            File("README.md", "text/markdown", "# docs\nhello"),
            File("guide.tar", Layers.OciTar, "not really a tar"),
        ])
        {
            ArtifactType = "application/vnd.example.docs.v1",
            Annotations = [("org.opencontainers.image.created", "2026-03-01T10:00:00Z")],
        }));
        await session.TagAsync("oras/docs", "config-only", Manifests.Image(new ImageSpec(Configs.Empty, [new Layer(Configs.Empty, Configs.Empty.Digest)])
        {
            ArtifactType = "application/vnd.example.marker.v1",
        }));
        await session.TagAsync("oras/docs", "oras-0.x", Manifests.Image(new ImageSpec(
            new BlobContent("application/vnd.unknown.config.v1+json", "{}"u8.ToArray()), [File("artifact.txt", "application/vnd.oci.image.layer.v1.tar", "legacy")])));

        var chart = Chart("mychart", "0.1.0");
        await session.TagAsync("charts/mychart", "0.1.0", Manifests.Image(chart));
        await session.TagAsync("charts/mychart", "0.2.0", Manifests.Image(Chart("mychart", "0.2.0") with { WriteMediaType = false }));
        await session.TagAsync("charts/mychart", "0.3.0_build.7", Manifests.Image(Chart("mychart", "0.3.0+build.7", provenance: true)));

        await session.TagAsync("flux/manifests", "latest", Manifests.Image(new ImageSpec(
            new BlobContent("application/vnd.cncf.flux.config.v1+json", "{}"u8.ToArray()),
            [Gzip("flux-kustomize", "application/vnd.cncf.flux.content.v1.tar+gzip")])
        {
            Annotations =
            [
                ("org.opencontainers.image.created", "2026-03-01T10:00:00Z"),
                ("org.opencontainers.image.revision", "main@sha1:4b8e4f1a2c3d"),
                ("org.opencontainers.image.source", "https://github.com/example/fleet"),
            ],
        }));

        var wasm = new BlobContent("application/wasm", [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, .. Layers.Random("wasm-module", 300)]);
        await session.TagAsync("wasm/module", "v1", Manifests.Image(new ImageSpec(
            Configs.Json("application/vnd.wasm.config.v0+json", ("architecture", "wasm"), ("os", "wasip1"), ("created", "2026-03-01T10:00:00Z")),
            [new Layer(wasm, wasm.Digest)])));

        var sif = new BlobContent("application/vnd.sylabs.sif.layer.v1.sif", [.. "#!/usr/bin/env run-singularity\nSIF_MAGIC0"u8, .. Layers.Random("sif-image", 600)]);
        await session.TagAsync("sif/container", "latest", Manifests.Image(new ImageSpec(
            Configs.Json("application/vnd.sylabs.sif.config.v1+json"),
            [new Layer(sif, sif.Digest) { Annotations = [("org.opencontainers.image.title", "container.sif")] }])));
    }

    private static ImageSpec Chart(string name, string version, bool provenance = false)
    {
        var config = Configs.Json("application/vnd.cncf.helm.config.v1+json",
            ("name", name), ("version", version), ("description", "A Helm chart"), ("apiVersion", "v2"), ("appVersion", "1.16.0"), ("type", "application"));
        List<Layer> layers = [Gzip($"chart-{name}-{version}", "application/vnd.cncf.helm.chart.content.v1.tar+gzip")];
        if (provenance)
        {
            layers.Add(File($"{name}-{version}.tgz.prov", "application/vnd.cncf.helm.chart.provenance.v1.prov", "-----BEGIN PGP SIGNED MESSAGE-----"));
        }

        return new ImageSpec(config, layers);
    }

    private static Layer File(string title, string mediaType, string content)
    {
        var blob = new BlobContent(mediaType, Encoding.UTF8.GetBytes(content));
        return new Layer(blob, blob.Digest) { Annotations = [("org.opencontainers.image.title", title)] };
    }

    private static Layer Gzip(string seed, string mediaType) => Layers.Gzip(seed, 300, mediaType);
}
