using RegistryGuard.Scheduling;

namespace RegistryGuard.Cli.Serve;

/// <summary>The body of serve's /status: one entry per job (its metric families are on /metrics, not here).</summary>
internal sealed record ServeStatus(IReadOnlyList<ServeJobStatus> Jobs)
{
    public static ServeStatus From(IReadOnlyList<JobStatus> jobs) =>
        new([.. jobs.Select(j => new ServeJobStatus(j.Name, j.Type, j.Registry, j.Mutating, j.Schedule, j.NextRun, j.Running, j.Runs, j.Skips, j.LastRun))]);
}
