namespace RegistryGuard.Scheduling.Config;

/// <param name="Options">The job's options by key, already checked against what its type accepts.</param>
public sealed record JobConfig(string Name, string Type, string Registry, CronSchedule Schedule, IReadOnlyDictionary<string, string> Options, int Line);
