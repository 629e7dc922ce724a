using RegistryGuard.Common;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Pruning;
using RegistryGuard.Registry;

namespace RegistryGuard.Runs;

/// <summary>prune: plan what the kept tags do not reach, apply when asked, then report, count and push.</summary>
public sealed class PruneService(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<RunOutcome<PruneReport>> RunAsync(PruneRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Push?.Key(PruneRunOptions.DefaultJob, options.Instance, Shard.Whole);
        PruneReport report;
        try
        {
            report = options.Connection is { } connection
                ? await OverApiAsync(connection, options, cancellationToken).ConfigureAwait(false)
                : PruneRun.OnStorage(options.StorageRoot!, options.Rules, options.Apply, options.JournalPath ?? StateDirectory.NewJournal("prune", options.JournalDirectory, _time), _time);
        }
        catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException or DirectoryNotFoundException)
        {
            var failure = new RunOutcome<PruneReport>(null, ExitCodes.RegistryUnavailable, $"prune could not read its target: {ex.Message}", PruneMetrics.Failure())
            {
                Error = options.Connection is { } api ? $"{api.Registry.GetLeftPart(UriPartial.Authority)}: {ex.Message}" : ex.Message,
            };
            return await RunPublisher.PublishAsync(failure, options.Push, key).ConfigureAwait(false);
        }

        var exit = PruneRun.ExitCode(report);
        ProcessResult? gc = null;
        if (options.Apply && options.GcCommand is { } command)
        {
            gc = await ProcessRunner.RunAsync("/bin/sh", ["-c", command], options.GcCommandTimeout, cancellationToken).ConfigureAwait(false);
            exit = gc.ExitCode == 0 ? exit : ExitCodes.Findings;
        }

        var outcome = new RunOutcome<PruneReport>(report, exit, Summarize(report), PruneMetrics.From(report, _time.GetUtcNow()))
        {
            Warnings = report.Warnings,
            Command = gc,
        };
        return await RunPublisher.PublishAsync(outcome, options.Push, key).ConfigureAwait(false);
    }

    private async Task<PruneReport> OverApiAsync(RegistryConnection connection, PruneRunOptions options, CancellationToken cancellationToken)
    {
        using var client = new RegistryClient(connection.ClientOptions());
        var backup = options.Backup ?? StateDirectory.NewBackup(options.BackupDirectory, _time);
        return await PruneRun.OverApiAsync(client, options.Rules, options.Apply, backup, cancellationToken).ConfigureAwait(false);
    }

    private static string Summarize(PruneReport report) => report.Execution is { } done
        ? $"deleted {done.Deleted.Count} manifests ({done.TagsDeleted} tags), skipped {done.Skipped.Count}; run plain garbage-collect to free the space"
        : $"dry run: would prune {report.Plan.TagsPruned} tags, {report.Plan.ManifestsToDelete} manifests";
}
