using System.IO.Abstractions;
using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// Applies a plan on storage, for registries that refuse DELETE (pull-through caches answer 405) or with the
/// registry stopped: removes the pruned tags' link files and the revision links of deleted manifests, each
/// through the storage layer's journaled changes (undoable, never below a symbolic link). Blob data is never
/// touched; garbage-collect sweeps it later.
/// </summary>
public sealed class FilesystemPruneExecutor
{
    private readonly string _v2Root;
    private readonly IFileSystem? _fileSystem;
    private readonly string _journalPath;
    private readonly StorageChanges _changes;

    /// <param name="fileSystem">Where the storage lives; the real file system by default.</param>
    public FilesystemPruneExecutor(string v2Root, ChangeJournal journal, IFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        _v2Root = v2Root;
        _fileSystem = fileSystem;
        _journalPath = journal.FilePath;
        _changes = new StorageChanges(new RegistryStorage(v2Root, fileSystem), journal);
    }

    /// <param name="cancellationToken">Checked before each change: a signal stops the run between two changes, each one journaled whole.</param>
    public PruneExecution Execute(PrunePlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var interrupted = false;
        var deleted = new List<ExecutedDeletion>();
        var skipped = new List<SkippedDeletion>();
        var warnings = new List<string>();
        foreach (var repositoryPlan in plan.Repositories)
        {
            foreach (var tag in _changes.RemoveEmptyTagDirectories(repositoryPlan.Repository))
            {
                warnings.Add($"{repositoryPlan.Repository}:{tag} was an empty tag directory (left by an interrupted prune); removed");
            }
        }

        foreach (var repositoryPlan in plan.Repositories.Where(r => r.Deletions.Any() || r.PrunedTags.Any()))
        {
            if (interrupted |= cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var repository = repositoryPlan.Repository;
            var keepNow = KeepWhatChangedSincePlanning(repositoryPlan, plan.InventoryOf(repository), out var movedTags);
            var tagsRemoved = new Dictionary<Digest, List<string>>();
            foreach (var tag in repositoryPlan.PrunedTags)
            {
                if (interrupted |= cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (movedTags.Contains(tag.Tag) || keepNow.ContainsKey(tag.Digest))
                {
                    warnings.Add($"{repository}:{tag.Tag} changed since planning (a push raced the prune); left alone");
                    continue;
                }

                if (RemoveTag(repository, tag.Tag) is { } refusal)
                {
                    warnings.Add($"{repository}:{tag.Tag}: '{refusal.Path}': {refusal.Detail}; the tag and what it reaches left alone");
                    var why = refusal.Kind == StorageProblemKind.NotUtf8Name
                        ? $"kept: tag {tag.Tag} holds a name that is not valid UTF-8 and was left alone"
                        : $"kept: tag {tag.Tag} could not be removed safely and was left alone";
                    foreach (var digest in Reachability.Closure(plan.InventoryOf(repository), [tag.Digest]))
                    {
                        keepNow.TryAdd(digest, why);
                    }

                    continue;
                }

                (tagsRemoved.TryGetValue(tag.Digest, out var list) ? list : tagsRemoved[tag.Digest] = []).Add(tag.Tag);
            }

            foreach (var deletion in repositoryPlan.Deletions)
            {
                if (interrupted |= cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                if (keepNow.TryGetValue(deletion.Digest, out var why))
                {
                    skipped.Add(new SkippedDeletion(repository, deletion.Digest, why, Failed: false));
                    continue;
                }

                try
                {
                    _changes.RemoveRevisionLink(repository, deletion.Digest);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    skipped.Add(new SkippedDeletion(repository, deletion.Digest, ex.Message, Failed: true));
                    continue;
                }

                deleted.Add(new ExecutedDeletion(repository, deletion.Digest, tagsRemoved.TryGetValue(deletion.Digest, out var tags) ? tags : []));
            }
        }

        return new PruneExecution(deleted, skipped, warnings)
        {
            BytesReclaimable = PruneExecution.Reclaimable(plan, deleted),
            JournalPath = _journalPath,
            Interrupted = interrupted,
        };
    }

    /// <summary>A tag that cannot be removed whole (or at all) is left alone with the reason.</summary>
    private StorageProblem? RemoveTag(string repository, string tag)
    {
        try
        {
            return _changes.RemoveTag(repository, tag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return new StorageProblem(StorageProblemKind.Unreadable, repository, StoragePaths.RelativeTagDirectory(repository, tag), ex.Message);
        }
    }

    /// <summary>Tags new or moved since planning keep everything they reach now.</summary>
    private Dictionary<Digest, string> KeepWhatChangedSincePlanning(RepositoryPlan plan, RepositoryInventory planned, out HashSet<string> moved)
    {
        var now = new StorageInventoryReader(_v2Root, _fileSystem).Read(plan.Repository);
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
}
