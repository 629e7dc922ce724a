using System.Collections.Concurrent;
using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.Bench;

/// <summary>
/// The images a benchmark registry holds, built with the project's own <see cref="ImageFactory"/>: every tag is a
/// two-platform OCI index with buildx-style attestation children. Layers are shared the way real registries share
/// them: two base layers across every repository, a runtime layer across the tags of a content group, and an app
/// layer per build. Layers are tiny so generating a large registry stays quick. With a <paramref name="signer"/>, every
/// build is also signed (a <c>sha256-&lt;hex&gt;.sig</c> tag, as cosign stores it).
/// </summary>
internal sealed class SyntheticImages(BenchShape shape, CosignSigner? signer = null)
{
    private const int LayerBytes = 48;
    private static readonly Platform Amd64 = new("linux", "amd64");
    private static readonly Platform Arm64 = new("linux", "arm64", "v8");
    private readonly BlobContent _baseAmd64 = ImageFactory.Layer("bench-base-amd64", LayerBytes);
    private readonly BlobContent _baseArm64 = ImageFactory.Layer("bench-base-arm64", LayerBytes);
    private readonly ConcurrentDictionary<int, IReadOnlyList<ManifestArtifact>> _groups = new();

    public BenchShape Shape => shape;

    /// <summary>The tags of one repository, <c>latest</c> last and pointing at the newest build.</summary>
    public IReadOnlyList<TaggedArtifact> TagsOf(int repositoryIndex)
    {
        var name = BenchShape.RepositoryName(repositoryIndex);
        var group = shape.GroupOf(repositoryIndex);
        var builds = shape.ContentGroups < shape.Repositories ? _groups.GetOrAdd(group, Builds) : Builds(group);
        var tags = new List<TaggedArtifact>(builds.Count + 1);
        for (var t = 0; t < builds.Count; t++)
        {
            tags.Add(new TaggedArtifact(name, $"v{t}", builds[t]));
        }

        if (builds.Count > 0)
        {
            tags.Add(new TaggedArtifact(name, "latest", builds[^1]));
        }

        if (signer is not null)
        {
            // Signed for this repository (the payload names it); the content group only shares the images.
            tags.AddRange(builds.Select(b => new TaggedArtifact(name, CosignSigner.TagFor(b.Digest), signer.SignatureOf(b.Digest, name))));
        }

        return tags;
    }

    private List<ManifestArtifact> Builds(int group)
    {
        var runtime = ImageFactory.Layer($"bench-runtime-{group}", LayerBytes);
        var builds = new List<ManifestArtifact>(shape.TagsPerRepository);
        for (var t = 0; t < shape.TagsPerRepository; t++)
        {
            var amd64 = ImageFactory.Image(Amd64, _baseAmd64, runtime, ImageFactory.Layer($"bench-app-{group}-{t}-amd64", LayerBytes));
            var arm64 = ImageFactory.Image(Arm64, _baseArm64, runtime, ImageFactory.Layer($"bench-app-{group}-{t}-arm64", LayerBytes));
            builds.Add(ImageFactory.Index([(Amd64, amd64), (Arm64, arm64)], attest: true, revision: $"{group}.{t}"));
        }

        return builds;
    }
}
