using System.IO.Abstractions;

namespace RegistryGuard.Storage;

/// <summary>Finds distribution's <c>docker/registry/v2</c> directory from what the operator passed: the one way every verb does it.</summary>
public static class StorageRoot
{
    /// <summary>
    /// <paramref name="directory"/> is the <c>rootdirectory</c> from the registry's config, or the v2 directory itself
    /// when that is unambiguous (it holds <c>repositories</c> or <c>blobs</c> and no nested <c>docker/registry/v2</c>).
    /// </summary>
    public static string? FindV2(string directory, IFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var fs = fileSystem ?? RegistryStorage.RealFileSystem;
        var full = Path.TrimEndingDirectorySeparator(fs.Path.GetFullPath(directory));
        var nested = StoragePaths.V2Root(full);
        if (fs.Directory.Exists(nested))
        {
            return nested;
        }

        return fs.Directory.Exists(Path.Combine(full, "repositories")) || fs.Directory.Exists(Path.Combine(full, "blobs")) ? full : null;
    }

    /// <summary>The v2 directory of <paramref name="directory"/> when it holds <c>repositories/</c>: what prune reads.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither it nor its docker/registry/v2 holds repositories/.</exception>
    public static string FindV2WithRepositories(string directory, IFileSystem? fileSystem = null)
    {
        var fs = fileSystem ?? RegistryStorage.RealFileSystem;
        var v2 = FindV2(directory, fs);
        return v2 is not null && fs.Directory.Exists(Path.Combine(v2, "repositories"))
            ? v2
            : throw new DirectoryNotFoundException(
                $"{fs.Path.GetFullPath(directory)} is not a registry storage root: neither it nor docker/registry/v2 under it holds repositories/");
    }

    /// <summary>What <c>--fix</c> insists on before changing anything: both halves of distribution's layout, as real directories.</summary>
    public static bool LooksLikeRegistryStorage(string v2Root, IFileSystem? fileSystem = null)
    {
        var storage = new RegistryStorage(v2Root, fileSystem);
        return storage.KindOf(storage.V2Root) == EntryKind.Directory
            && storage.KindOf(storage.Repositories) == EntryKind.Directory
            && storage.KindOf(Path.Combine(storage.V2Root, "blobs")) == EntryKind.Directory;
    }
}
