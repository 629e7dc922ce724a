using System.IO.Abstractions;
using RegistryGuard.Oci;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Storage;

/// <summary>
/// Every change this tool makes to a registry's storage: link files written or removed through the change journal
/// (undoable), at paths built from validated names. Nothing is changed below a symbolic link: the journal refuses
/// such a path, and a tag is walked without following one. Blob data is never touched.
/// </summary>
internal sealed class StorageChanges(RegistryStorage storage, ChangeJournal journal)
{
    /// <summary>Writes back a revision link (<c>scan --fix</c> of an orphaned index child).</summary>
    public void WriteRevisionLink(string repository, Digest digest) =>
        journal.WriteLink(StoragePaths.RevisionLink(storage.V2Root, repository, digest), digest);

    /// <summary>Removes a layer link and its digest directory; <c>_layers/sha256</c> stays.</summary>
    public void RemoveLayerLink(string repository, Digest digest)
    {
        var link = StoragePaths.LayerLink(storage.V2Root, repository, digest);
        journal.RemoveLink(link, Path.GetDirectoryName(Path.GetDirectoryName(link))!);
    }

    /// <summary>Removes a revision link (prune deletes the manifest) and the directories it leaves empty, up to <c>_manifests/revisions</c>.</summary>
    public void RemoveRevisionLink(string repository, Digest digest) =>
        journal.RemoveLink(StoragePaths.RevisionLink(storage.V2Root, repository, digest), Path.Combine(StoragePaths.Repository(storage.V2Root, repository), "_manifests", "revisions"));

    /// <summary>
    /// Removes a tag: its link files (<c>current/link</c> and every <c>index/sha256/&lt;hex&gt;/link</c>) and the
    /// directories they leave empty. A tag holding anything that cannot be walked safely (a symbolic link, an
    /// undecodable name, an unreadable directory) is left whole: half a tag would be worse than either.
    /// </summary>
    /// <returns>Why the tag was left whole, or null once it is removed (or was already gone).</returns>
    public StorageProblem? RemoveTag(string repository, string tag)
    {
        var directory = StoragePaths.TagDirectory(storage.V2Root, repository, tag);
        if (storage.LinkOnTheWay(directory) is { } link)
        {
            return new StorageProblem(StorageProblemKind.Unreadable, repository, storage.Printable(directory), link);
        }

        var problems = new StorageProblems();
        var links = new List<string>();
        if (storage.KindOf(directory) == EntryKind.Directory && !Walk(directory, repository, problems, links, onlyDirectories: false))
        {
            var met = problems.All;
            return met.Count > 0 ? met[0] : new StorageProblem(StorageProblemKind.Unreadable, repository, storage.Printable(directory), "nests deeper than a tag does; not walked");
        }

        var stopAt = Path.GetDirectoryName(directory)!;
        foreach (var file in links.OrderDescending(StringComparer.Ordinal))
        {
            journal.RemoveLink(file, stopAt);
        }

        // Each link took its own empty parents along; directories an earlier, killed removal emptied did not go with them.
        if (storage.FileSystem.Directory.Exists(directory))
        {
            RemoveIfHoldingNoFile(directory, repository, problems);
        }

        return null;
    }

    /// <summary>
    /// A run killed between deleting a tag's last link and its directories leaves a directory with no file in it:
    /// the registry still lists the tag and answers 404 for it. Holding no bytes, it is removed without a journal
    /// record (undoing the earlier run's journal recreates it with the link).
    /// </summary>
    /// <returns>The names of the tag directories removed.</returns>
    public IReadOnlyList<string> RemoveEmptyTagDirectories(string repository)
    {
        var repositoryDirectory = StoragePaths.Repository(storage.V2Root, repository);
        if (storage.LinkOnTheWay(repositoryDirectory) is not null)
        {
            return [];
        }

        var problems = new StorageProblems();
        var removed = new List<string>();
        foreach (var entry in storage.ListChild(repositoryDirectory, "_manifests/tags", repository, problems) ?? [])
        {
            if (entry is IDirectoryInfo && !RegistryStorage.IsSymbolicLink(entry) && RemoveIfHoldingNoFile(entry.FullName, repository, problems))
            {
                removed.Add(entry.Name);
            }
        }

        return removed;
    }

    /// <summary>Removes <paramref name="tagDirectory"/> and its subdirectories when none of them holds a file.</summary>
    private bool RemoveIfHoldingNoFile(string tagDirectory, string repository, StorageProblems problems)
    {
        var empty = new List<string>();
        if (!Walk(tagDirectory, repository, problems, empty, onlyDirectories: true))
        {
            return false;
        }

        // Deepest first, each only while empty: a push that writes into the tag meanwhile stops the removal there.
        try
        {
            foreach (var directory in empty.OrderByDescending(d => d.Length).Append(tagDirectory))
            {
                storage.FileSystem.Directory.Delete(directory);
            }
        }
        catch (IOException)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Walks <paramref name="directory"/> without following anything. With <paramref name="onlyDirectories"/>,
    /// collects its subdirectories and fails on any file; otherwise collects its files named <c>link</c>.
    /// </summary>
    /// <returns>False when something could not be walked safely (then <paramref name="problems"/> says what), or a file was met where only directories may be.</returns>
    private bool Walk(string directory, string repository, StorageProblems problems, List<string> found, bool onlyDirectories)
    {
        var pending = new Stack<(string Path, int Depth)>([(directory, 0)]);
        while (pending.TryPop(out var item))
        {
            var before = problems.Count;
            var entries = storage.List(item.Path, repository, problems);
            if (entries is null || problems.Count > before || item.Depth > 8)
            {
                return false;
            }

            foreach (var entry in entries)
            {
                if (RegistryStorage.IsSymbolicLink(entry))
                {
                    problems.Add(storage.Unreadable(repository, entry.FullName, storage.SymlinkProblem(entry)));
                    return false;
                }

                if (entry is IDirectoryInfo)
                {
                    pending.Push((entry.FullName, item.Depth + 1));
                    if (onlyDirectories)
                    {
                        found.Add(entry.FullName);
                    }
                }
                else if (onlyDirectories)
                {
                    return false;
                }
                else if (entry.Name == "link")
                {
                    found.Add(entry.FullName);
                }
            }
        }

        return true;
    }
}
