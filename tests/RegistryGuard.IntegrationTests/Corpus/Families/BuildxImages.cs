using System.Text;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// What <c>docker buildx build --platform linux/amd64,linux/arm64 --push</c> writes with its default provenance
/// (and <c>--sbom</c>): an OCI index whose platform images are each followed by an attestation manifest with platform
/// unknown/unknown and the annotations vnd.docker.reference.type=attestation-manifest and vnd.docker.reference.digest.
/// A tag may also point straight at one platform child.
/// </summary>
internal static class BuildxImages
{
    public const string Repository = "buildx/app";

    public static async Task PushAsync(CorpusSession session)
    {
        var shared = new[] { Layers.Gzip("buildx-base", 512) };
        var v10 = Index("1.0", shared);
        var v11 = Index("1.1", shared);
        await session.TagAsync(Repository, "1.0", v10);
        await session.TagAsync(Repository, "1.1", v11);
        await session.TagAsync(Repository, "latest", v11);
        await session.TagAsync(Repository, "1.1-amd64", v11.Children[0]); // a tag pointing straight at an index child
        session.Facts.Buildx = new CorpusObject(Repository, "1.1", v11);
    }

    public static ManifestArtifact Index(string version, IReadOnlyList<Layer> shared, string? name = null)
    {
        var prefix = name ?? $"buildx-{version}";
        var entries = new List<EntrySpec>();
        foreach (var platform in new[] { Images.Amd64, Images.Arm64 })
        {
            var image = Images.Oci($"{prefix}-{platform.Architecture}", platform, shared);
            entries.Add(EntrySpec.For(image, platform));
            entries.Add(new EntrySpec
            {
                Manifest = Attestation(image, $"{prefix}-{platform.Architecture}"),
                Platform = new Platform("unknown", "unknown"),
                Annotations = [("vnd.docker.reference.digest", image.Digest.ToString()), ("vnd.docker.reference.type", "attestation-manifest")],
            });
        }

        return Manifests.Index(new IndexSpec(entries));
    }

    /// <summary>SLSA provenance and an SPDX SBOM as in-toto statements, one layer each.</summary>
    private static ManifestArtifact Attestation(ManifestArtifact subject, string seed)
    {
        var provenance = Statement(subject, "https://slsa.dev/provenance/v0.2", $$$"""{"builder":{"id":"https://github.com/docker/buildx@v0.17.1"},"buildType":"https://mobyproject.org/buildkit@v1","invocation":{"configSource":{"entryPoint":"Dockerfile"}},"metadata":{"buildInvocationID":"{{{seed}}}"}}""");
        var sbom = Statement(subject, "https://spdx.dev/Document", $$"""{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"sbom-{{seed}}","packages":[]}""");
        var layers = new[]
        {
            new Layer(provenance, provenance.Digest) { Annotations = [("in-toto.io/predicate-type", "https://slsa.dev/provenance/v0.2")] },
            new Layer(sbom, sbom.Digest) { Annotations = [("in-toto.io/predicate-type", "https://spdx.dev/Document")] },
        };
        return Manifests.Image(new ImageSpec(Configs.Image(new Platform("unknown", "unknown"), layers), layers));
    }

    private static BlobContent Statement(ManifestArtifact subject, string predicateType, string predicate) =>
        new(MediaTypes.InToto, Encoding.UTF8.GetBytes(
            $$$"""{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"{{{predicateType}}}","subject":[{"name":"pkg:docker/buildx/app","digest":{"sha256":"{{{subject.Digest.Hex}}}"}}],"predicate":""" + predicate + "}"));
}
