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

    /// <summary>
    /// Why <paramref name="directory"/> cannot be read as a storage root by this user, or null when it can: a
    /// directory that exists but is not readable is "permission denied", never "not registry storage".
    /// </summary>
    public static string? ReadProblem(string directory, IFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var fs = fileSystem ?? RegistryStorage.RealFileSystem;
        var full = Path.TrimEndingDirectorySeparator(fs.Path.GetFullPath(directory));
        foreach (var candidate in (string[])[full, StoragePaths.V2Root(full), Path.Combine(StoragePaths.V2Root(full), "repositories")])
        {
            try
            {
                using var entries = fs.Directory.EnumerateFileSystemEntries(candidate).GetEnumerator();
                entries.MoveNext();
            }
            catch (UnauthorizedAccessException)
            {
                return $"'{candidate}': permission denied; run as the registry's user (or root), or give this user read access to the storage";
            }
            catch (DirectoryNotFoundException) when (candidate == full)
            {
                return $"'{full}' does not exist or is not a directory";
            }
            catch (IOException) when (candidate == full)
            {
                return $"'{full}' is not a directory";
            }
            catch (IOException)
            {
                return null; // below the root: absent is for the caller to judge (not registry storage, or the v2 directory itself)
            }
        }

        return null;
    }

    /// <summary>The v2 directory of <paramref name="directory"/> when it holds <c>repositories/</c>: what prune reads.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither it nor its docker/registry/v2 holds repositories/.</exception>
    public static string FindV2WithRepositories(string directory, IFileSystem? fileSystem = null)
    {
        var fs = fileSystem ?? RegistryStorage.RealFileSystem;
        if (ReadProblem(directory, fs) is { } problem)
        {
            throw new DirectoryNotFoundException(problem);
        }

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
