using RegistryGuard.Metrics;
using RegistryGuard.Scanning;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Scheduling;

/// <summary>The scan command as a scheduled job. With <c>fix</c> it changes link files, so it is mutating.</summary>
public sealed class ScanJob(ScanOptions options, bool fix, string? journalDirectory, TimeProvider? timeProvider = null) : IScheduledJob
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public bool Mutating => fix;

    public Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        var journal = journalDirectory is null
            ? JournalLocation.Default("scan", _time)
            : Path.Combine(journalDirectory, Path.GetFileName(JournalLocation.Default("scan", _time)));
        var report = ScanRun.Execute(new Scanner(options with { TimeProvider = _time }), fix, journal, cancellationToken);
        var summary = report.Summary;
        var remaining = (report.Remaining ?? report.Findings).Count(f => f.Severity == Findings.Severity.Failure);
        var line = report.FatalError is { } fatal
            ? $"storage could not be read: {fatal}"
            : $"{summary.Repositories} repositories, {summary.Revisions} revisions, {summary.LayerLinks} layer links; "
              + $"{remaining} failures; repairs {(fix ? $"made {summary.RepairsMade} (journal {summary.JournalPath})" : $"possible {summary.RepairsPlanned}")}";
        return Task.FromResult(new JobResult(report.ExitCode, line, ScanMetrics.From(report)));
    }
}
