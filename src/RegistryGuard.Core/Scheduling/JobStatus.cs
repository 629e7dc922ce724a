using System.Text.Json.Serialization;
using RegistryGuard.Metrics;

namespace RegistryGuard.Scheduling;

/// <summary>A snapshot of one job for /status and /metrics.</summary>
public sealed record JobStatus(
    string Name,
    string Type,
    string Registry,
    bool Mutating,
    string Schedule,
    DateTimeOffset? NextRun,
    bool Running,
    long Runs,
    long Skips,
    JobRun? LastRun,
    [property: JsonIgnore] IReadOnlyList<RunFamily> Families) // on /metrics, not on /status
{
    /// <summary>The part /metrics shows.</summary>
    public ScheduledJobSnapshot ForMetrics() => new(Name, Type, Registry, Runs, Skips, Running, LastRun?.ExitCode, NextRun, Families);
}
