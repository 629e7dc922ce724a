using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.Demo;

/// <summary>
/// The demo registry's images, shaped like the post-mortem's: successive multi-arch builds of one app whose
/// indexes share their amd64 child and its attestation, two tags on one digest, a single-arch image, and a
/// nested repository name.
/// </summary>
public sealed class DemoContent
{
    private DemoContent()
    {
        var baseAmd64 = ImageFactory.Layer("base-amd64", 2048);
        var baseArm64 = ImageFactory.Layer("base-arm64", 2048);
        var appA = ImageFactory.Layer("app-a", 1024);
        var appB = ImageFactory.Layer("app-b", 1024);
        var tools = ImageFactory.Layer("tools", 700);
        var server = ImageFactory.Layer("server", 900);

        SharedAmd64 = ImageFactory.Image(new Platform("linux", "amd64"), baseAmd64, appA);
        var arm64V1 = ImageFactory.Image(new Platform("linux", "arm64", "v8"), baseArm64, appA);
        var arm64V2 = ImageFactory.Image(new Platform("linux", "arm64", "v8"), baseArm64, appB);
        AppV1 = ImageFactory.Index([(new Platform("linux", "amd64"), SharedAmd64), (new Platform("linux", "arm64", "v8"), arm64V1)], revision: "1.0");
        AppV2 = ImageFactory.Index([(new Platform("linux", "amd64"), SharedAmd64), (new Platform("linux", "arm64", "v8"), arm64V2)], revision: "1.1");
        Tools = ImageFactory.Image(new Platform("linux", "amd64"), baseAmd64, tools);
        var serverImage = ImageFactory.Image(new Platform("linux", "amd64"), baseAmd64, server);
        Server = ImageFactory.Index([(new Platform("linux", "amd64"), serverImage)], revision: "2026.04");

        Tags =
        [
            new(AppRepository, "1.0", AppV1),
            new(AppRepository, "1.1", AppV2),
            new(AppRepository, "latest", AppV2),
            new("demo/tools", "stable", Tools),
            new("team/api/server", "2026.04", Server),
        ];
    }

    public const string AppRepository = "demo/app";

    /// <summary>demo/app:1.0 — the older build, the one cleanup-tags.sh removes.</summary>
    public ManifestArtifact AppV1 { get; }

    /// <summary>demo/app:1.1 and :latest — shares its amd64 child and that child's attestation with 1.0.</summary>
    public ManifestArtifact AppV2 { get; }

    public ManifestArtifact SharedAmd64 { get; }

    public ManifestArtifact Tools { get; }

    public ManifestArtifact Server { get; }

    public IReadOnlyList<TaggedArtifact> Tags { get; }

    public static DemoContent Create() => new();

    public int RepositoryCount => Tags.Select(t => t.Repository).Distinct().Count();

    /// <summary>Unique (repository, digest) manifests, as the probe counts them.</summary>
    public int ManifestCount => Tags.GroupBy(t => t.Repository)
        .Sum(g => g.SelectMany(t => t.Artifact.SelfAndDescendants()).Select(m => m.Digest).Distinct().Count());

    /// <summary>Unique (repository, digest) blobs, as the probe counts them.</summary>
    public int BlobCount => Tags.GroupBy(t => t.Repository)
        .Sum(g => g.SelectMany(t => t.Artifact.AllBlobs()).Select(b => b.Digest).Distinct().Count());

    public async Task PushAsync(RegistryClient client, CancellationToken cancellationToken)
    {
        foreach (var tagged in Tags)
        {
            await ImagePusher.PushAsync(client, tagged.Repository, tagged.Tag, tagged.Artifact, cancellationToken).ConfigureAwait(false);
        }
    }
}
