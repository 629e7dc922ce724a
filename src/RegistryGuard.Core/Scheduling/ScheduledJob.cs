namespace RegistryGuard.Scheduling;

/// <param name="Name">Unique name from the config (a label value in /metrics, a key in /status).</param>
/// <param name="Type">probe, scan, prune or gc.</param>
/// <param name="Registry">The registry's name from the config.</param>
public sealed record ScheduledJob(string Name, string Type, string Registry, CronSchedule Schedule, IScheduledJob Job);
