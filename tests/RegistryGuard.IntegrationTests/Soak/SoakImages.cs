using RegistryGuard.Demo;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// What the soak pushes into <see cref="Repository"/>: a protected multi-arch <c>latest</c> whose layers every build
/// shares, then numbered builds, each with a config of its own (a later <c>created</c>, so prune's order is the push
/// order) and every fourth a multi-arch index with attestations. Prune deletes the old builds, gc sweeps their
/// configs and manifests, scan --fix removes the layer links gc leaves: every mutating job has work.
/// </summary>
internal static class SoakImages
{
    public const string Repository = "soak/app";

    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BlobContent BaseAmd64 = ImageFactory.Layer("soak-base-amd64", 2048);
    private static readonly BlobContent BaseArm64 = ImageFactory.Layer("soak-base-arm64", 2048);
    private static readonly BlobContent App = ImageFactory.Layer("soak-app", 1024);

    public static TaggedArtifact Latest { get; } = new(Repository, "latest", MultiArch(0, "base"));

    public static string TagOf(int build) => $"build-{build:D6}";

    public static TaggedArtifact Build(int build) =>
        new(Repository, TagOf(build), build % 4 == 0 ? MultiArch(build, TagOf(build)) : Amd64(build));

    private static ManifestArtifact Amd64(int build) => ImageFactory.Image(new Platform("linux", "amd64"), Epoch.AddMinutes(build), BaseAmd64, App);

    private static ManifestArtifact MultiArch(int build, string revision) => ImageFactory.Index(
        [
            (new Platform("linux", "amd64"), Amd64(build)),
            (new Platform("linux", "arm64", "v8"), ImageFactory.Image(new Platform("linux", "arm64", "v8"), Epoch.AddMinutes(build), BaseArm64, App)),
        ],
        attest: true,
        revision: revision);
}
