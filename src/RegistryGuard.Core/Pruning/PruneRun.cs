using System.IO.Abstractions;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Pruning;

/// <summary>Plan, and apply when asked for: the service behind <c>prune</c> and serve's prune job.</summary>
public static class PruneRun
{
    /// <summary>Over the API. <paramref name="backupDirectory"/> receives the restore bundle before any delete.</summary>
    public static async Task<PruneReport> OverApiAsync(RegistryClient client, PruneRules rules, bool apply, string backupDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (plan, warnings) = await PrunePlanning.OverHttpAsync(client, rules, cancellationToken).ConfigureAwait(false);
        PruneExecution? execution = null;
        if (apply)
        {
            RefuseToGuess(plan);
            var bundle = RestoreBundle.Create(backupDirectory);
            execution = await new ApiPruneExecutor(client, bundle).ExecuteAsync(plan, cancellationToken).ConfigureAwait(false);
        }

        return new PruneReport(client.BaseAddress.GetLeftPart(UriPartial.Authority), "api", plan, execution, WithPushTimeNote(plan, warnings), FinishingSteps.For(apply, filesystem: false));
    }

    /// <summary>On storage: tag and revision links only, every change journaled, nothing read or changed through a symbolic link.</summary>
    /// <param name="fileSystem">Where the storage lives; the real file system by default.</param>
    /// <exception cref="DirectoryNotFoundException">The root holds no registry storage.</exception>
    /// <param name="cancellationToken">Checked before each change: a signal stops the apply between two changes and the journal gets its end record.</param>
    public static PruneReport OnStorage(string root, PruneRules rules, bool apply, string journalPath, TimeProvider timeProvider, IFileSystem? fileSystem = null,
        CancellationToken cancellationToken = default)
    {
        var v2Root = StorageRoot.FindV2WithRepositories(root, fileSystem);
        var (plan, warnings) = PrunePlanning.FromStorage(v2Root, rules, fileSystem);
        cancellationToken.ThrowIfCancellationRequested();
        PruneExecution? execution = null;
        if (apply)
        {
            RefuseToGuess(plan);
            using var journal = ChangeJournal.Create(journalPath, v2Root, "prune --root", timeProvider, fileSystem);
            execution = new FilesystemPruneExecutor(v2Root, journal, fileSystem).Execute(plan, cancellationToken);
            journal.Complete();
        }

        return new PruneReport(root, "filesystem", plan, execution, WithPushTimeNote(plan, warnings), FinishingSteps.For(apply, filesystem: true, journalPath));
    }

    /// <summary>Ranking by a guessed order would delete the wrong tags (v10 before v5): an apply needs the operator's choice.</summary>
    /// <exception cref="PruneRefusedException">Push times are unknown where the ranking decided something, and no order was chosen.</exception>
    public static void RefuseToGuess(Planning.PrunePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.RankedWithoutOrder.Count > 0)
        {
            var first = plan.RankedWithoutOrder[0];
            throw new PruneRefusedException(
                $"refusing --apply: push times are unknown for {plan.TagsWithoutPushTime} tags (e.g. in {first.Repository}; their images carry no 'created' time), "
                + "so 'newest' cannot be told by time; choose how to rank them with --order semver|name|time (order: in the policy file or serve job) and run again; nothing was changed");
        }
    }

    private static IReadOnlyList<string> WithPushTimeNote(Planning.PrunePlan plan, IReadOnlyList<string> warnings) =>
        plan.PushTimeNote() is { } note ? [note, .. warnings] : warnings;

    /// <summary>0 when every planned delete happened or was skipped for a reason; 1 when a delete failed.</summary>
    public static int ExitCode(PruneReport report) =>
        report?.Execution is { Failures: > 0 } ? Common.ExitCodes.Findings : Common.ExitCodes.Clean;
}
