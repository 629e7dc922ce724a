using RegistryGuard.Scheduling;

namespace RegistryGuard.Cli.Serve;

/// <summary>One job as /status shows it.</summary>
internal sealed record ServeJobStatus(
    string Name,
    string Type,
    string Registry,
    bool Mutating,
    string Schedule,
    DateTimeOffset? NextRun,
    bool Running,
    long Runs,
    long Skips,
    JobRun? LastRun);
