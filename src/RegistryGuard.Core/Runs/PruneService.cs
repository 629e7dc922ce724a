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
        var journal = options.JournalPath ?? StateDirectory.NewJournal("prune", options.JournalDirectory, _time);
        var backup = options.Backup ?? StateDirectory.NewBackup(options.BackupDirectory, _time);
        if (options.Apply && (options.Connection is null ? RecordingPlaces.JournalProblem(journal) : RecordingPlaces.BundleProblem(backup)) is { } unwritable)
        {
            return RunRefusal.Of<PruneReport>(unwritable);
        }

        PruneReport report;
        string? note = null;
        try
        {
            (report, note) = options.Connection is { } connection
                ? await OverApiAsync(connection, options, backup, cancellationToken).ConfigureAwait(false)
                : (await Task.Run(() => PruneRun.OnStorage(options.StorageRoot!, options.Rules, options.Apply, journal, _time, cancellationToken: cancellationToken), CancellationToken.None).ConfigureAwait(false), null);
        }
        catch (PruneRefusedException ex)
        {
            return await RunPublisher.PublishAsync(
                new RunOutcome<PruneReport>(null, ExitCodes.Usage, ex.Message, PruneMetrics.Failure()) { Error = ex.Message }, options.Push, key).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            const string Stopped = "interrupted while reading the inventory, before any change: nothing was changed";
            return await RunPublisher.PublishAsync(
                new RunOutcome<PruneReport>(null, ExitCodes.Interrupted, Stopped, PruneMetrics.Failure(interrupted: true)) { Interrupted = true, Notes = [Stopped] },
                options.Push, key).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException or DirectoryNotFoundException)
        {
            var failure = new RunOutcome<PruneReport>(null, ExitCodes.RegistryUnavailable, $"prune could not read its target: {ex.Message}", PruneMetrics.Failure())
            {
                Error = options.Connection is { } api ? $"{api.Registry.GetLeftPart(UriPartial.Authority)}: {ex.Message}" : ex.Message,
            };
            return await RunPublisher.PublishAsync(failure, options.Push, key).ConfigureAwait(false);
        }

        var exit = report.Interrupted ? ExitCodes.Interrupted : PruneRun.ExitCode(report);
        ProcessResult? gc = null;
        if (options.Apply && !report.Interrupted && options.GcCommand is { } command)
        {
            gc = await ProcessRunner.RunAsync("/bin/sh", ["-c", command], options.GcCommandTimeout, cancellationToken).ConfigureAwait(false);
            exit = gc.ExitCode == 0 ? exit : ExitCodes.Findings;
        }

        var outcome = new RunOutcome<PruneReport>(report, exit, Summarize(report), PruneMetrics.From(report, _time.GetUtcNow()))
        {
            Interrupted = report.Interrupted,
            Notes = note is null ? [] : [note],
            Warnings = report.Warnings,
            Command = gc,
        };
        return await RunPublisher.PublishAsync(outcome, options.Push, key).ConfigureAwait(false);
    }

    private static async Task<(PruneReport Report, string? Note)> OverApiAsync(RegistryConnection given, PruneRunOptions options, string backup, CancellationToken cancellationToken)
    {
        var (connection, note) = await SchemeFallback.ResolveAsync(given, cancellationToken).ConfigureAwait(false);
        using var client = new RegistryClient(connection.ClientOptions());
        return (await PruneRun.OverApiAsync(client, options.Rules, options.Apply, backup, cancellationToken).ConfigureAwait(false), note);
    }

    private static string Summarize(PruneReport report) => report.Execution is { } done
        ? $"{(done.Interrupted ? "interrupted: " : "")}deleted {done.Deleted.Count} manifests ({done.TagsDeleted} tags), skipped {done.Skipped.Count}; run plain garbage-collect to free the space"
        : $"dry run: would prune {report.Plan.TagsPruned} tags, {report.Plan.ManifestsToDelete} manifests";
}
