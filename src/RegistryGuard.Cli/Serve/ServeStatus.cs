using RegistryGuard.Scheduling;

namespace RegistryGuard.Cli.Serve;

/// <summary>The body of serve's /status: one entry per job (its metric families are on /metrics, not here).</summary>
internal sealed record ServeStatus(IReadOnlyList<JobStatus> Jobs);
