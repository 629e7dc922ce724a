using System.Collections.Concurrent;

namespace RegistryGuard.Scanning;

/// <summary>
/// Finds repositories under <c>repositories/</c>: a directory is one when it holds <c>_manifests</c>, <c>_layers</c>
/// or <c>_uploads</c>. Names nest (<c>team/app</c> and <c>team/app/api</c> can both be repositories), so the walk
/// continues below a repository into every directory not starting with '_'. Symbolic links are never followed.
/// </summary>
internal static class RepositoryDiscovery
{
    private const int MaxDepth = 64;

    public static IReadOnlyList<RepositoryDirectory> Find(ScanContext context, IReadOnlyList<FileSystemInfo> topLevel)
    {
        var found = new ConcurrentBag<RepositoryDirectory>();
        Parallel.ForEach(topLevel, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency }, entry => Walk(context, entry, entry.Name, 1, found));
        return [.. found.OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    private static void Walk(ScanContext context, FileSystemInfo entry, string name, int depth, ConcurrentBag<RepositoryDirectory> found)
    {
        if (StorageNames.IsSymbolicLink(entry))
        {
            context.Unreadable(StorageNames.Printable(name), entry.FullName, context.SymlinkProblem(entry));
            return;
        }

        if (entry is not DirectoryInfo || depth > MaxDepth)
        {
            return; // stray files between repositories are nothing distribution reads
        }

        var children = context.List(StorageNames.Printable(name), entry.FullName);
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
            Walk(context, child, name + "/" + child.Name, depth + 1, found);
        }
    }
}
