namespace RegistryGuard.Scheduling;

/// <summary>One finished run of a job, as /status shows it.</summary>
public sealed record JobRun(DateTimeOffset ScheduledAt, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, int ExitCode, string Result, string Summary);
