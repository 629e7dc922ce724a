namespace RegistryGuard.Scheduling.Config;

/// <param name="Options">The job's options by key, already checked against what its type accepts.</param>
public sealed record JobConfig(string Name, string Type, string Registry, CronSchedule Schedule, IReadOnlyDictionary<string, string> Options, int Line)
{
    /// <summary>The options that take a value or a list of values (<see cref="ServeConfigLoader.ListOptions"/>), by key; file paths already absolute.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
}
