using System.Globalization;
using RegistryGuard.Findings;
using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Scanning;

namespace RegistryGuard.Runs;

/// <summary>scan: read the registry's storage, repair when asked (journaled), then report, count and push.</summary>
public sealed class ScanService(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <param name="progress">Started with the scan's live counters and disposed when it ends (the CLI's progress line).</param>
    public async Task<RunOutcome<ScanReport>> RunAsync(ScanRunOptions options, Func<ScanCounters, IAsyncDisposable?>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.Push?.Key(ScanRunOptions.DefaultJob, PushSettings.DefaultInstance(options.Registry), Shard.Whole);
        var journal = options.JournalPath ?? StateDirectory.NewJournal("scan", options.JournalDirectory, _time);
        if (options.Fix && RecordingPlaces.JournalProblem(journal) is { } unwritable)
        {
            return RunRefusal.Of<ScanReport>(unwritable);
        }

        var scanner = new Scanner(options.ToScanOptions(_time));
        ScanReport report;
        await using (progress?.Invoke(scanner.Counters))
        {
            // Not cancelled through Task.Run: a signal must reach the scan itself, which ends with what it did.
            report = await Task.Run(() => ScanRun.Execute(scanner, options.Fix, journal, cancellationToken), CancellationToken.None).ConfigureAwait(false);
        }

        var outcome = new RunOutcome<ScanReport>(report, report.ExitCode, Summarize(report, options.Fix), ScanMetrics.From(report))
        {
            Error = report.FatalError,
            Interrupted = report.Interrupted,
        };
        return await RunPublisher.PublishAsync(outcome, options.Push, key).ConfigureAwait(false);
    }

    private static string Summarize(ScanReport report, bool fix)
    {
        if (report.Interrupted)
        {
            return report.Summary.Fix
                ? $"interrupted during --fix: {report.Summary.RepairsMade} of {report.Summary.RepairsPlanned} repairs made (journal {report.Summary.JournalPath})"
                : "interrupted before the scan finished: nothing concluded";
        }

        if (report.FatalError is { } fatal)
        {
            return $"storage could not be read: {fatal}";
        }

        var s = report.Summary;
        var remaining = (report.Remaining ?? report.Findings).Count(f => f.Severity == Severity.Failure);
        var repairs = fix ? $"made {s.RepairsMade} (journal {s.JournalPath})" : $"possible {s.RepairsPlanned}";
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Repositories} repositories, {s.Revisions} revisions, {s.LayerLinks} layer links; {remaining} failures; repairs {repairs}");
    }
}
