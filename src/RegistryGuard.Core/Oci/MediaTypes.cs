namespace RegistryGuard.Oci;

public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";
    public const string InToto = "application/vnd.in-toto+json";

    /// <summary>OCI 1.1-rc's artifact manifest: registry 2.8 refuses it, but an index entry may still name it.</summary>
    public const string OciArtifactManifest = "application/vnd.oci.artifact.manifest.v1+json";

    /// <summary>The OCI empty descriptor's type: the 2-byte blob <c>{}</c> that artifacts (ORAS, notation, SOCI) use as config.</summary>
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    /// <summary>The config entry of BuildKit's registry cache (<c>--cache-to type=registry</c>): a blob, not a manifest.</summary>
    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";

    /// <summary>What the probe asks for. Schema1 is deliberately absent: it is reported, not followed.</summary>
    public static readonly IReadOnlyList<string> ManifestAccept = [OciIndex, OciManifest, DockerManifestList, DockerManifest];

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsImageManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsSchema1(string? mediaType) => mediaType is DockerSchema1 or DockerSchema1Signed;

    /// <summary>Every type a client fetches under <c>/v2/&lt;name&gt;/manifests/</c>; anything else is fetched under <c>/blobs/</c>.</summary>
    public static bool IsManifest(string? mediaType) =>
        IsIndex(mediaType) || IsImageManifest(mediaType) || IsSchema1(mediaType) || mediaType is OciArtifactManifest;
}
