using RegistryGuard.Oci;
using RegistryGuard.Scanning;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Pruning;

/// <summary>
/// Applies a plan on storage, for registries that refuse DELETE (pull-through caches answer 405) or with the
/// registry stopped: removes the pruned tags' link files and the revision links of deleted manifests, each
/// through the change journal (undoable). Blob data is never touched; garbage-collect sweeps it later.
/// </summary>
public sealed class FilesystemPruneExecutor
{
    private readonly string _v2Root;
    private readonly ChangeJournal _journal;

    public FilesystemPruneExecutor(string v2Root, ChangeJournal journal)
    {
        _v2Root = v2Root;
        _journal = journal;
    }

    public PruneExecution Execute(PrunePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deleted = new List<ExecutedDeletion>();
        var skipped = new List<SkippedDeletion>();
        var warnings = new List<string>();
        foreach (var repositoryPlan in plan.Repositories)
        {
            RemoveTagDirectoriesLeftEmpty(repositoryPlan.Repository, warnings);
        }

        foreach (var repositoryPlan in plan.Repositories.Where(r => r.Deletions.Any() || r.PrunedTags.Any()))
        {
            var repository = repositoryPlan.Repository;
            var keepNow = KeepWhatChangedSincePlanning(repositoryPlan, plan.InventoryOf(repository), out var movedTags);
            var tagsRemoved = new Dictionary<Digest, List<string>>();
            foreach (var tag in repositoryPlan.PrunedTags)
            {
                if (movedTags.Contains(tag.Tag) || keepNow.ContainsKey(tag.Digest))
                {
                    warnings.Add($"{repository}:{tag.Tag} changed since planning (a push raced the prune); left alone");
                    continue;
                }

                if (LossyEntry(repository, tag.Tag) is { } lossy)
                {
                    warnings.Add($"{repository}:{tag.Tag}: '{lossy}': {StorageNames.LossyProblem}; the tag and what it reaches left alone");
                    foreach (var digest in Reachability.Closure(plan.InventoryOf(repository), [tag.Digest]))
                    {
                        keepNow.TryAdd(digest, $"kept: tag {tag.Tag} holds a name that is not valid UTF-8 and was left alone");
                    }

                    continue;
                }

                RemoveTag(repository, tag.Tag);
                (tagsRemoved.TryGetValue(tag.Digest, out var list) ? list : tagsRemoved[tag.Digest] = []).Add(tag.Tag);
            }

            var revisions = Path.Combine(StoragePaths.Repository(_v2Root, repository), "_manifests", "revisions");
            foreach (var deletion in repositoryPlan.Deletions)
            {
                if (keepNow.TryGetValue(deletion.Digest, out var why))
                {
                    skipped.Add(new SkippedDeletion(repository, deletion.Digest, why, Failed: false));
                    continue;
                }

                _journal.RemoveLink(StoragePaths.RevisionLink(_v2Root, repository, deletion.Digest), revisions);
                deleted.Add(new ExecutedDeletion(repository, deletion.Digest, tagsRemoved.TryGetValue(deletion.Digest, out var tags) ? tags : []));
            }
        }

        return new PruneExecution(deleted, skipped, warnings)
        {
            BytesReclaimable = PruneExecution.Reclaimable(plan, deleted),
            JournalPath = _journal.FilePath,
        };
    }

    /// <summary>Tags new or moved since planning keep everything they reach now.</summary>
    private Dictionary<Digest, string> KeepWhatChangedSincePlanning(RepositoryPlan plan, RepositoryInventory planned, out HashSet<string> moved)
    {
        var now = new StorageInventoryReader(_v2Root).Read(plan.Repository);
        var then = planned.Tags.ToDictionary(t => t.Name, t => t.Digest, StringComparer.Ordinal);
        var keep = new Dictionary<Digest, string>();
        moved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in now.Tags.Where(t => !then.TryGetValue(t.Name, out var digest) || digest != t.Digest))
        {
            moved.Add(tag.Name);
            foreach (var digest in Reachability.Closure(now, [tag.Digest]))
            {
                keep.TryAdd(digest, $"kept: tag {tag.Name} points at it since planning (a push raced the prune)");
            }
        }

        return keep;
    }

    /// <summary>
    /// The recursive walk silently skips directories whose names did not decode (their paths do not reopen), so a
    /// tag holding one could only be half removed: such a tag is found first and left whole.
    /// </summary>
    private string? LossyEntry(string repository, string tag)
    {
        var directory = StoragePaths.TagDirectory(_v2Root, repository, tag);
        var lossy = Directory.Exists(directory)
            ? Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).FirstOrDefault(e => StorageNames.IsLossy(Path.GetFileName(e)))
            : null;
        return lossy is null ? null : StorageNames.Printable(Path.GetRelativePath(_v2Root, lossy).Replace(Path.DirectorySeparatorChar, '/'), ScanContext.MaxPathLength);
    }

    /// <summary>
    /// A run killed between deleting a tag's last link and its directories leaves a directory with no file in it:
    /// the registry still lists the tag and answers 404 for it. Holding no bytes, it is removed without a journal
    /// record (undoing the earlier run's journal recreates it with the link).
    /// </summary>
    private void RemoveTagDirectoriesLeftEmpty(string repository, List<string> warnings)
    {
        var tags = Path.Combine(StoragePaths.Repository(_v2Root, repository), "_manifests", "tags");
        if (!Directory.Exists(tags))
        {
            return;
        }

        // A name that did not decode does not reopen: such a tag is left to the warning LossyEntry gives.
        foreach (var directory in Directory.EnumerateDirectories(tags).Where(d => !StorageNames.IsLossy(Path.GetFileName(d))))
        {
            if (new DirectoryInfo(directory).LinkTarget is null
                && Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).All(e => Directory.Exists(e) && new DirectoryInfo(e).LinkTarget is null))
            {
                Directory.Delete(directory, recursive: true);
                warnings.Add($"{repository}:{Path.GetFileName(directory)} was an empty tag directory (left by an interrupted prune); removed");
            }
        }
    }

    /// <summary>A tag is its link files: <c>current/link</c> and every <c>index/sha256/&lt;hex&gt;/link</c>.</summary>
    private void RemoveTag(string repository, string tag)
    {
        var directory = StoragePaths.TagDirectory(_v2Root, repository, tag);
        if (!Directory.Exists(directory))
        {
            return;
        }

        var stopAt = Path.GetDirectoryName(directory)!;
        foreach (var link in Directory.EnumerateFiles(directory, "link", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal))
        {
            _journal.RemoveLink(link, stopAt);
        }
    }
}
