namespace RegistryGuard.Metrics;

/// <summary>
/// What serve's /metrics shows of one scheduled job at one instant: the scheduler fills it (Scheduling uses Metrics,
/// never the other way round).
/// </summary>
/// <param name="LastExitCode">The last finished run's exit code; null before the first run.</param>
/// <param name="NextRun">The next scheduled instant; null when there is none.</param>
/// <param name="Families">The job's own families as its runs left them.</param>
public sealed record ScheduledJobSnapshot(
    string Name,
    string Type,
    string Registry,
    long Runs,
    long Skips,
    bool Running,
    int? LastExitCode,
    DateTimeOffset? NextRun,
    IReadOnlyList<RunFamily> Families);
