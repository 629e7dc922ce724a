using System.Net;
using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;

namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// Applies a plan with DELETE by digest, in plan order (an index before its children). Just before each delete
/// it re-resolves the tags planned to go with the digest and looks for tags that appeared since planning; if a
/// push raced the prune, that digest and everything below it is kept. Each manifest is saved to the restore
/// bundle before it is deleted.
/// </summary>
public sealed class ApiPruneExecutor
{
    private const int TagPageSize = 1000;
    private readonly RegistryClient _client;
    private readonly RestoreBundle _bundle;

    public ApiPruneExecutor(RegistryClient client, RestoreBundle bundle)
    {
        _client = client;
        _bundle = bundle;
    }

    /// <summary>Test seam: runs just before each delete's race check, so a test can push in that window.</summary>
    internal Func<Digest, Task>? BeforeRaceCheck { get; init; }

    public async Task<PruneExecution> ExecuteAsync(PrunePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var deleted = new List<ExecutedDeletion>();
        var skipped = new List<SkippedDeletion>();
        var warnings = new List<string>();
        var interrupted = false;
        foreach (var repositoryPlan in plan.Repositories.Where(r => r.Deletions.Any()))
        {
            var run = new RepositoryRun(_client, repositoryPlan, plan.InventoryOf(repositoryPlan.Repository), BeforeRaceCheck);
            var stop = await run.ExecuteAsync(_bundle, cancellationToken).ConfigureAwait(false);
            deleted.AddRange(run.Deleted);
            skipped.AddRange(run.Skipped);
            warnings.AddRange(run.Warnings);
            interrupted = run.Interrupted;
            if (stop || interrupted)
            {
                break;
            }
        }

        return new PruneExecution(deleted, skipped, warnings)
        {
            BytesReclaimable = PruneExecution.Reclaimable(plan, deleted),
            BackupDirectory = _bundle.Directory,
            Interrupted = interrupted,
        };
    }

    private sealed class RepositoryRun(RegistryClient client, RepositoryPlan plan, RepositoryInventory inventory, Func<Digest, Task>? beforeRaceCheck)
    {
        private readonly Dictionary<Digest, string> _keepNow = [];
        private readonly Dictionary<string, Digest> _planned = inventory.Tags.ToDictionary(t => t.Name, t => t.Digest, StringComparer.Ordinal);
        private readonly Dictionary<Digest, HashSet<Digest>> _reachCache = [];

        public List<ExecutedDeletion> Deleted { get; } = [];

        public List<SkippedDeletion> Skipped { get; } = [];

        public List<string> Warnings { get; } = [];

        /// <summary>A signal stopped the run: no delete after the one in flight was started.</summary>
        public bool Interrupted { get; private set; }

        private string Repository => plan.Repository;

        /// <returns>True when the whole prune must stop (the registry refuses DELETE).</returns>
        public async Task<bool> ExecuteAsync(RestoreBundle bundle, CancellationToken cancellationToken)
        {
            try
            {
                return await DeleteAsync(bundle, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Interrupted = true; // stopped while reading, before the next delete: nothing half-done
                return true;
            }
        }

        private async Task<bool> DeleteAsync(RestoreBundle bundle, CancellationToken cancellationToken)
        {
            await KeepWhatChangedSincePlanningAsync(cancellationToken).ConfigureAwait(false);
            foreach (var deletion in plan.Deletions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_keepNow.TryGetValue(deletion.Digest, out var why))
                {
                    Skipped.Add(new SkippedDeletion(Repository, deletion.Digest, why, Failed: false));
                    continue;
                }

                if (beforeRaceCheck is not null)
                {
                    await beforeRaceCheck(deletion.Digest).ConfigureAwait(false);
                }

                if (await RaceAsync(deletion, cancellationToken).ConfigureAwait(false) is { } race)
                {
                    Skipped.Add(new SkippedDeletion(Repository, deletion.Digest, race, Failed: false));
                    Keep(deletion.Digest, $"kept: {deletion.Digest.Abbreviated} above it was not deleted ({race})");
                    continue;
                }

                // From here the change is in flight: a signal lets it finish and be recorded in the bundle (the client's
                // timeouts bound it), so the bundle never lists a delete whose outcome is unknown.
                try
                {
                    var current = await client.GetManifestAsync(Repository, deletion.Digest.ToString(), CancellationToken.None).ConfigureAwait(false);
                    bundle.Save(Repository, deletion.Digest, current.ContentType ?? deletion.MediaType, current.Body, deletion.Tags);
                    await client.DeleteManifestAsync(Repository, deletion.Digest, CancellationToken.None).ConfigureAwait(false);
                    bundle.MarkDeleted(Repository, deletion.Digest);
                    Deleted.Add(new ExecutedDeletion(Repository, deletion.Digest, deletion.Tags));
                }
                catch (RegistryNotFoundException)
                {
                    Skipped.Add(new SkippedDeletion(Repository, deletion.Digest, "already gone", Failed: false));
                }
                catch (RegistryException ex) when (ex.StatusCode is HttpStatusCode.MethodNotAllowed)
                {
                    Skipped.Add(new SkippedDeletion(Repository, deletion.Digest,
                        "the registry refuses DELETE (405: storage.delete.enabled is off, or a pull-through cache); use --root with the registry stopped", Failed: true));
                    return true;
                }
                catch (RegistryException ex)
                {
                    Skipped.Add(new SkippedDeletion(Repository, deletion.Digest, ex.Message, Failed: true));
                    Keep(deletion.Digest, $"kept: the delete of {deletion.Digest.Abbreviated} above it failed");
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                Interrupted = true;
                return true;
            }

            await ReportLateRacesAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        /// <summary>Before the first delete: every tag that is new or moved since planning keeps what it reaches.</summary>
        private async Task KeepWhatChangedSincePlanningAsync(CancellationToken cancellationToken)
        {
            foreach (var tag in await ListTagsAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = await ResolveAsync(tag, cancellationToken).ConfigureAwait(false);
                if (now is { } digest && (!_planned.TryGetValue(tag, out var then) || then != digest))
                {
                    var reached = await ReachAsync(digest, cancellationToken).ConfigureAwait(false);
                    foreach (var kept in Reachability.Closure(inventory, reached))
                    {
                        _keepNow.TryAdd(kept, $"kept: tag {tag} reaches it since planning (a push raced the prune)");
                    }
                }
            }
        }

        private async Task<string?> RaceAsync(ManifestDecision deletion, CancellationToken cancellationToken)
        {
            foreach (var tag in deletion.Tags)
            {
                if (await ResolveAsync(tag, cancellationToken).ConfigureAwait(false) is { } now && now != deletion.Digest)
                {
                    return $"tag {tag} moved to {now.Abbreviated} since planning (a push raced the prune)";
                }
            }

            foreach (var tag in (await ListTagsAsync(cancellationToken).ConfigureAwait(false)).Where(t => !_planned.ContainsKey(t)))
            {
                if (await ResolveAsync(tag, cancellationToken).ConfigureAwait(false) is { } now
                    && (await ReachAsync(now, cancellationToken).ConfigureAwait(false)).Contains(deletion.Digest))
                {
                    return $"new tag {tag} points at it since planning (a push raced the prune)";
                }
            }

            return null;
        }

        /// <summary>After the last delete: a kept tag moved onto a deleted digest in the meantime would now be broken.</summary>
        private async Task ReportLateRacesAsync(CancellationToken cancellationToken)
        {
            var gone = Deleted.Select(d => d.Digest).ToHashSet();
            foreach (var tag in await ListTagsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_planned.TryGetValue(tag, out var then)
                    && await ResolveAsync(tag, cancellationToken).ConfigureAwait(false) is { } now && now != then && gone.Contains(now))
                {
                    Warnings.Add($"{Repository}:{tag} was moved to {now} while it was being deleted; run 'registryguard restore' to bring it back");
                }
            }
        }

        private void Keep(Digest digest, string reason)
        {
            foreach (var reached in Reachability.Closure(inventory, [digest]))
            {
                _keepNow.TryAdd(reached, reason);
            }
        }

        private async Task<List<string>> ListTagsAsync(CancellationToken cancellationToken)
        {
            var tags = new List<string>();
            await foreach (var tag in client.ListTagsAsync(Repository, TagPageSize, cancellationToken).ConfigureAwait(false))
            {
                if (RepositoryName.IsValidTag(tag))
                {
                    tags.Add(tag);
                }
            }

            return tags;
        }

        private async Task<Digest?> ResolveAsync(string tag, CancellationToken cancellationToken)
        {
            try
            {
                return await client.ResolveAsync(Repository, tag, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryNotFoundException)
            {
                return null;
            }
        }

        /// <summary>Every manifest below <paramref name="root"/>: from the plan's inventory when known, else fetched.</summary>
        private async Task<HashSet<Digest>> ReachAsync(Digest root, CancellationToken cancellationToken)
        {
            if (_reachCache.TryGetValue(root, out var cached))
            {
                return cached;
            }

            var seen = new HashSet<Digest>();
            var stack = new Stack<Digest>([root]);
            while (stack.TryPop(out var digest))
            {
                if (!seen.Add(digest))
                {
                    continue;
                }

                if (inventory.Manifests.TryGetValue(digest, out var known))
                {
                    foreach (var child in known.Children)
                    {
                        stack.Push(child.Digest);
                    }

                    continue;
                }

                try
                {
                    var response = await client.GetManifestAsync(Repository, digest.ToString(), cancellationToken).ConfigureAwait(false);
                    foreach (var child in ManifestParser.Parse(response.Body, response.ContentType).ChildManifests)
                    {
                        stack.Push(child.Digest);
                    }
                }
                catch (Exception ex) when (ex is RegistryNotFoundException or ManifestFormatException or ManifestTooLargeException)
                {
                    // Nothing below a manifest we cannot read.
                }
            }

            _reachCache[root] = seen;
            return seen;
        }
    }
}
