namespace RegistryGuard.Scanning;

/// <summary>Finds distribution's <c>docker/registry/v2</c> directory from what the operator passed.</summary>
public static class StorageRoot
{
    /// <summary>
    /// <paramref name="directory"/> is the <c>rootdirectory</c> from the registry's config, or the v2 directory itself
    /// when that is unambiguous (it holds <c>repositories</c> or <c>blobs</c> and no nested <c>docker/registry/v2</c>).
    /// </summary>
    public static string? FindV2(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var nested = Path.Combine(full, "docker", "registry", "v2");
        if (Directory.Exists(nested))
        {
            return nested;
        }

        return Directory.Exists(Path.Combine(full, "repositories")) || Directory.Exists(Path.Combine(full, "blobs")) ? full : null;
    }

    /// <summary>What <c>--fix</c> insists on before changing anything: both halves of distribution's layout, as real directories.</summary>
    public static bool LooksLikeRegistryStorage(string v2Root)
    {
        static bool RealDirectory(string path) => new DirectoryInfo(path) is { Exists: true, LinkTarget: null };
        return RealDirectory(v2Root) && RealDirectory(Path.Combine(v2Root, "repositories")) && RealDirectory(Path.Combine(v2Root, "blobs"));
    }
}
