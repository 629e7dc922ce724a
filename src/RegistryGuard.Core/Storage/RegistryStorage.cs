using System.IO.Abstractions;

namespace RegistryGuard.Storage;

/// <summary>
/// One registry's storage below its <c>docker/registry/v2</c> directory, reached through an <see cref="IFileSystem"/>.
/// The primitives every reader and writer of the tree uses: listing a directory without following anything in it,
/// telling a path's kind without resolving a link, and refusing any path with a symbolic link between the root and
/// it, so that nothing outside the root is ever read or changed through one.
/// </summary>
internal sealed class RegistryStorage
{
    /// <summary>Paths in messages are bounded: a hostile tree can nest names up to PATH_MAX.</summary>
    public const int MaxPathLength = 512;

    public RegistryStorage(string v2Root, IFileSystem? fileSystem = null)
    {
        FileSystem = fileSystem ?? RealFileSystem;
        V2Root = Path.TrimEndingDirectorySeparator(FileSystem.Path.GetFullPath(v2Root));
    }

    public static IFileSystem RealFileSystem { get; } = new FileSystem();

    public IFileSystem FileSystem { get; }

    /// <summary>Whether files can be opened as bare handles (the real file system; an in-memory one has none).</summary>
    public bool OpensHandles => FileSystem is FileSystem;

    public string V2Root { get; }

    public string Repositories => Path.Combine(V2Root, "repositories");

    public string Relative(string fullPath) => Path.GetRelativePath(V2Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>A path for a message: relative to the root, visible ASCII only, bounded.</summary>
    public string Printable(string fullPath) => StorageNames.Printable(Relative(fullPath), MaxPathLength);

    /// <summary>
    /// From the attributes the directory enumeration (or the one stat) already fetched; only entries that do not
    /// resolve (broken links) cost a readlink.
    /// </summary>
    public static bool IsSymbolicLink(IFileSystemInfo info) =>
        info.Exists ? (info.Attributes & FileAttributes.ReparsePoint) != 0 : info.LinkTarget is not null;

    /// <summary>The exception's message repeats the absolute path; the problem already names the path.</summary>
    public static string Reason(Exception exception) => exception is UnauthorizedAccessException ? "permission denied" : exception.Message;

    public EntryKind KindOf(string path)
    {
        var directory = FileSystem.DirectoryInfo.New(path);
        if (directory.Exists)
        {
            return (directory.Attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.SymbolicLink : EntryKind.Directory;
        }

        var file = FileSystem.FileInfo.New(path);
        return IsSymbolicLink(file) ? EntryKind.SymbolicLink : file.Exists ? EntryKind.File : EntryKind.Missing;
    }

    /// <summary>
    /// The entries of <paramref name="directory"/>, which the caller reached without a link (an entry it listed, or
    /// a fixed name it checked): null when it cannot be read (and a problem), empty when it does not exist. Entries
    /// whose names did not decode are dropped and reported: the paths .NET gives for them name other files.
    /// </summary>
    /// <param name="entriesAre">What the entries are in distribution's layout, for the problems' wording.</param>
    public IFileSystemInfo[]? List(string directory, string repository, StorageProblems problems, StorageEntry entriesAre = StorageEntry.Other)
    {
        IFileSystemInfo[] entries;
        try
        {
            entries = FileSystem.DirectoryInfo.New(directory).GetFileSystemInfos();
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(Unreadable(repository, directory, "directory cannot be read: " + Reason(ex)));
            return null;
        }

        return Decodable(entries, repository, problems, entriesAre);
    }

    /// <summary>
    /// Lists the fixed-name directory <paramref name="relativePath"/> ('/'-separated: <c>_layers/sha256</c>,
    /// <c>_manifests/tags</c>…) below <paramref name="parent"/>, only when every segment of it is a real directory.
    /// A symbolic link on the way is reported, not followed, and lists as unreadable (null), so what it hides is
    /// never taken as absent.
    /// </summary>
    public IFileSystemInfo[]? ListChild(string parent, string relativePath, string repository, StorageProblems problems, StorageEntry entriesAre = StorageEntry.Other)
    {
        var path = parent;
        foreach (var segment in relativePath.Split('/'))
        {
            path = Path.Combine(path, segment);
            if (IsSymbolicLink(path))
            {
                problems.Add(Unreadable(repository, path, SymlinkProblem(path)));
                return null;
            }
        }

        // Absent, or a file where distribution keeps a directory: it finds nothing there either.
        return List(path, repository, problems, entriesAre);
    }

    /// <summary>
    /// Whether <paramref name="path"/> itself is a symbolic link: one readlink, no stat. What is not a link (a
    /// directory, a file, nothing) is for the caller's next read to tell apart.
    /// </summary>
    public bool IsSymbolicLink(string path)
    {
        try
        {
            return FileSystem.DirectoryInfo.New(path).LinkTarget is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // cannot be a link one can follow; the read that comes next says what it is
        }
    }

    /// <summary>Why a change to <paramref name="fullPath"/> must not be made: a component below the root that is a symbolic link, or null.</summary>
    public string? LinkOnTheWay(string fullPath)
    {
        var relative = Path.GetRelativePath(V2Root, Path.GetFullPath(fullPath));
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return $"{StorageNames.Printable(fullPath, MaxPathLength)} is outside the storage root";
        }

        var current = V2Root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            switch (KindOf(current))
            {
                case EntryKind.SymbolicLink:
                    return $"{Printable(current)} is a symbolic link";
                case EntryKind.Missing:
                    return null; // nothing below exists yet: whatever is created there is a plain directory
            }
        }

        return null;
    }

    /// <summary>The data file of a blob when it is a regular file reached through no symbolic link, else null.</summary>
    public IFileInfo? BlobData(string hex)
    {
        var path = StoragePaths.BlobData(V2Root, hex);
        if (LinkOnTheWay(path) is not null)
        {
            return null;
        }

        var data = FileSystem.FileInfo.New(path);
        return data.Exists && !IsSymbolicLink(data) ? data : null;
    }

    /// <summary>A file's length, or null when it was removed after it was listed (a push finishing an upload, a
    /// garbage-collect sweeping): the registry changes under a scan, which must not crash on it.</summary>
    public static long? LengthIfPresent(IFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return file.Length;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Symbolic links are never followed; the detail says whether this one leads out of the storage root.</summary>
    public string SymlinkProblem(IFileSystemInfo link)
    {
        var target = link.LinkTarget ?? "";
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.FullName) ?? V2Root, target));
        var inside = resolved.StartsWith(V2Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside
            ? "symbolic link (inside the storage root); not followed"
            : $"symbolic link pointing outside the storage root (to {StorageNames.Printable(target)}); not followed";
    }

    public string SymlinkProblem(string path) => SymlinkProblem(FileSystem.FileInfo.New(path));

    public StorageProblem Unreadable(string repository, string fullPath, string detail, StorageEntry entry = StorageEntry.Other, string name = "") =>
        new(StorageProblemKind.Unreadable, repository, Printable(fullPath), detail, entry, name);

    /// <summary>Drops (and reports) the entries whose names did not decode: their paths would not reopen.</summary>
    public IFileSystemInfo[] Decodable(IFileSystemInfo[] entries, string repository, StorageProblems problems, StorageEntry entriesAre)
    {
        var lossy = false;
        foreach (var entry in entries)
        {
            lossy |= StorageNames.IsLossy(entry.Name);
        }

        if (!lossy)
        {
            return entries;
        }

        foreach (var entry in entries.Where(e => StorageNames.IsLossy(e.Name)))
        {
            var name = entriesAre == StorageEntry.Repository ? Path.GetRelativePath(Repositories, entry.FullName) : entry.Name;
            problems.Add(new StorageProblem(StorageProblemKind.NotUtf8Name, repository, Printable(entry.FullName), StorageNames.LossyProblem, entriesAre, StorageNames.Printable(name)));
        }

        return [.. entries.Where(e => !StorageNames.IsLossy(e.Name))];
    }
}
