namespace RegistryGuard.Scheduling;

/// <summary>
/// One kind of work serve runs on a schedule: probe, scan, prune or gc, each a run service (<see cref="ServiceJob"/>).
/// </summary>
public interface IScheduledJob
{
    /// <summary>Changes the registry (prune, scan --fix, gc): never runs at the same time as another mutating job.</summary>
    bool Mutating { get; }

    /// <summary>
    /// Runs once. A mutating job receives a token that is never cancelled once it started (it finishes its
    /// journal); a read-only job's token is cancelled at shutdown.
    /// </summary>
    Task<JobResult> RunAsync(CancellationToken cancellationToken);
}
