using RegistryGuard.Oci;

namespace RegistryGuard.Storage;

/// <summary>
/// Paths of distribution's filesystem layout under <c>&lt;rootdirectory&gt;/docker/registry/v2</c>. Callers pass
/// only validated repository names and tags, so no path built here can leave the root.
/// </summary>
public static class StoragePaths
{
    public static string V2Root(string rootDirectory) => Path.Combine(rootDirectory, "docker", "registry", "v2");

    public static string BlobData(string v2Root, Digest digest) =>
        Path.Combine(v2Root, "blobs", digest.Algorithm, digest.Hex[..2], digest.Hex, "data");

    /// <summary>The data file of the sha256 blob <paramref name="hex"/>.</summary>
    public static string BlobData(string v2Root, string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Path.Combine(v2Root, "blobs", "sha256", hex[..2], hex, "data");
    }

    public static string Repository(string v2Root, string repository) =>
        Path.Combine(v2Root, "repositories", repository.Replace('/', Path.DirectorySeparatorChar));

    public static string RevisionLink(string v2Root, string repository, Digest digest) =>
        Path.Combine(Repository(v2Root, repository), "_manifests", "revisions", digest.Algorithm, digest.Hex, "link");

    public static string LayerLink(string v2Root, string repository, Digest digest) =>
        Path.Combine(Repository(v2Root, repository), "_layers", digest.Algorithm, digest.Hex, "link");

    public static string TagDirectory(string v2Root, string repository, string tag) =>
        Path.Combine(Repository(v2Root, repository), "_manifests", "tags", tag);

    public static string TagCurrentLink(string v2Root, string repository, string tag) =>
        Path.Combine(TagDirectory(v2Root, repository, tag), "current", "link");

    public static string TagIndexLink(string v2Root, string repository, string tag, Digest digest) =>
        Path.Combine(TagDirectory(v2Root, repository, tag), "index", digest.Algorithm, digest.Hex, "link");

    /// <summary>A link's path relative to the v2 root, '/'-separated, as repairs and journals name it.</summary>
    public static string RelativeRevisionLink(string repository, string hex) => $"repositories/{repository}/_manifests/revisions/sha256/{hex}/link";

    /// <inheritdoc cref="RelativeRevisionLink"/>
    public static string RelativeTagDirectory(string repository, string tag) => $"repositories/{repository}/_manifests/tags/{tag}";

    /// <inheritdoc cref="RelativeRevisionLink"/>
    public static string RelativeLayerLink(string repository, string hex) => $"repositories/{repository}/_layers/sha256/{hex}/link";

    /// <summary>The exact bytes distribution writes into a link file: the digest, no newline.</summary>
    public static string LinkContent(Digest digest) => digest.ToString();
}
