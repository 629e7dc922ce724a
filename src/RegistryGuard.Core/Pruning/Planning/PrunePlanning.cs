using System.IO.Abstractions;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.Pruning.Planning;

/// <summary>Reads inventories and plans; kept apart from applying so a caller (or a test) can act in between.</summary>
public static class PrunePlanning
{
    /// <summary>Over HTTP: only repositories in scope are read, so reclaimable bytes are an upper bound.</summary>
    public static async Task<(PrunePlan Plan, IReadOnlyList<string> Warnings)> OverHttpAsync(RegistryClient client, PruneRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var reader = new HttpInventoryReader(client);
        var inventories = new List<RepositoryInventory>();
        foreach (var repository in await reader.RepositoriesAsync(rules, cancellationToken).ConfigureAwait(false))
        {
            inventories.Add(await reader.ReadAsync(repository, cancellationToken).ConfigureAwait(false));
        }

        return (PrunePlanner.Plan(inventories, rules), reader.Warnings);
    }

    /// <summary>
    /// From storage: every repository is read, those out of scope only to keep their blobs counted as used. A
    /// repository that could not be read completely (its tags or revisions unreadable, or behind a symbolic link) is
    /// not pruned either: a tag that was not seen must not make what it points at look untagged.
    /// </summary>
    /// <param name="rootOrV2Root">The registry's <c>rootdirectory</c> or its <c>docker/registry/v2</c>.</param>
    /// <exception cref="DirectoryNotFoundException">It holds no registry storage.</exception>
    public static (PrunePlan Plan, IReadOnlyList<string> Warnings) FromStorage(string rootOrV2Root, PruneRules rules, IFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var reader = new StorageInventoryReader(StorageRoot.FindV2WithRepositories(rootOrV2Root, fileSystem), fileSystem);
        var all = reader.ReadAll();
        var warnings = reader.Warnings.ToList();
        var incomplete = all.Where(i => rules.InScope(i.Repository) && !i.Complete).ToList();
        warnings.AddRange(incomplete.Select(i => $"{i.Repository}: not read completely (see above); not pruned"));
        var plan = PrunePlanner.Plan([.. all.Where(i => rules.InScope(i.Repository) && i.Complete)], rules, [.. all.Where(i => !rules.InScope(i.Repository) || !i.Complete)], wholeStorage: true);
        return (plan, warnings);
    }
}
