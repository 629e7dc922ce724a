namespace RegistryGuard.Scheduling;

/// <summary>What the scheduler just did: logged by serve, awaited by tests instead of sleeping.</summary>
public sealed record SchedulerEvent(SchedulerEventKind Kind, string Job, DateTimeOffset ScheduledAt, JobRun? Run = null);
