using System.Collections.Concurrent;
using System.IO.Abstractions;

namespace RegistryGuard.Storage.Repositories;

/// <summary>
/// Finds repositories under <c>repositories/</c>, the one rule scan and prune share: a directory is a repository
/// when it holds <c>_manifests</c>, <c>_layers</c> or <c>_uploads</c>. distribution's catalog lists only those
/// holding <c>_manifests</c>; the others are repositories a push has begun (blobs uploaded, no manifest yet) or
/// whose manifests were removed by hand, and their links and uploads can still be broken or stale. Prune finds no
/// tag and no manifest in them, so it never changes them. Names nest (<c>team/app</c> and <c>team/app/api</c> can
/// both be repositories), so the walk continues below a repository into every directory not starting with '_'.
/// Symbolic links are never followed: each is reported where it is met.
/// </summary>
internal static class RepositoryDiscovery
{
    private const int MaxDepth = 64;

    public static DiscoveredRepositories Find(RegistryStorage storage, int concurrency, StorageProblems problems)
    {
        IFileSystemInfo[] topLevel;
        switch (storage.KindOf(storage.Repositories))
        {
            case EntryKind.Directory:
                try
                {
                    topLevel = storage.Decodable(storage.FileSystem.DirectoryInfo.New(storage.Repositories).GetFileSystemInfos(), "", problems, StorageEntry.Repository);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return new DiscoveredRepositories([], $"'{storage.Repositories}' cannot be read: {RegistryStorage.Reason(ex)}");
                }

                break;
            case EntryKind.SymbolicLink:
                problems.Add(storage.Unreadable("", storage.Repositories, storage.SymlinkProblem(storage.Repositories)));
                return new DiscoveredRepositories([]);
            default:
                return new DiscoveredRepositories([]);
        }

        var found = new ConcurrentBag<RepositoryDirectory>();
        Parallel.ForEach(topLevel, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, entry => Walk(storage, entry, entry.Name, 1, found, problems));
        return new DiscoveredRepositories([.. found.OrderBy(r => r.Name, StringComparer.Ordinal)]);
    }

    private static void Walk(RegistryStorage storage, IFileSystemInfo entry, string name, int depth, ConcurrentBag<RepositoryDirectory> found, StorageProblems problems)
    {
        var printable = StorageNames.Printable(name);
        if (RegistryStorage.IsSymbolicLink(entry))
        {
            problems.Add(storage.Unreadable(printable, entry.FullName, storage.SymlinkProblem(entry), StorageEntry.Repository, printable));
            return;
        }

        if (entry is not IDirectoryInfo || depth > MaxDepth)
        {
            return; // stray files between repositories are nothing distribution reads
        }

        var children = storage.List(entry.FullName, printable, problems, StorageEntry.Repository);
        if (children is null)
        {
            return;
        }

        if (children.Any(c => c.Name is "_manifests" or "_layers" or "_uploads"))
        {
            found.Add(new RepositoryDirectory(name, entry.FullName));
        }

        foreach (var child in children.Where(c => !c.Name.StartsWith('_')))
        {
            Walk(storage, child, name + "/" + child.Name, depth + 1, found, problems);
        }
    }
}
