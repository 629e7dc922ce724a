namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// The journal only ever touches small link files under <c>repositories/</c>, reached without a symbolic link.
/// This is what makes "blob data is never deleted by this tool" and "nothing outside the root is changed" true by
/// construction rather than by care.
/// </summary>
internal static class JournalGuard
{
    public const int MaxLinkBytes = 1024;

    /// <summary>The path relative to the root, once it is known to be a link file the journal may change.</summary>
    /// <exception cref="InvalidOperationException">It is not one, or a symbolic link lies on the way to it.</exception>
    public static string Relative(RegistryStorage storage, string fullPath)
    {
        var root = storage.V2Root;
        var full = Path.GetFullPath(fullPath);
        var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
        Check(relative);
        if (storage.LinkOnTheWay(full) is { } link)
        {
            throw new InvalidOperationException($"refusing to change '{StorageNames.Printable(relative, RegistryStorage.MaxPathLength)}': {link}");
        }

        return relative;
    }

    public static string Resolve(string v2Root, string relativePath)
    {
        Check(relativePath);
        var root = Path.GetFullPath(v2Root);
        var full = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"journal path '{relativePath}' resolves outside the storage root");
    }

    private static void Check(string relative)
    {
        var segments = relative.Split('/');
        if (segments.Length < 3 || segments[0] != "repositories" || segments[^1] != "link"
            || segments.Any(s => s is "" or "." or ".."))
        {
            throw new InvalidOperationException($"refusing to journal '{relative}': only repositories/**/link files are ever changed");
        }

        if (StorageNames.IsLossy(relative))
        {
            throw new InvalidOperationException(
                $"refusing to journal '{StorageNames.Printable(relative, RegistryStorage.MaxPathLength)}': {StorageNames.LossyProblem}");
        }
    }
}
