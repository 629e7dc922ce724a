namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// The journal only ever touches small link files under <c>repositories/</c>. This is what makes "blob data is
/// never deleted by this tool" true by construction rather than by care.
/// </summary>
internal static class JournalGuard
{
    public const int MaxLinkBytes = 1024;

    public static string Relative(string v2Root, string fullPath)
    {
        var root = Path.GetFullPath(v2Root);
        var full = Path.GetFullPath(fullPath);
        var relative = Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');
        Check(relative);
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

        if (Scanning.StorageNames.IsLossy(relative))
        {
            throw new InvalidOperationException(
                $"refusing to journal '{Scanning.StorageNames.Printable(relative, Scanning.ScanContext.MaxPathLength)}': {Scanning.StorageNames.LossyProblem}");
        }
    }
}
