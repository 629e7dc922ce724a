using RegistryGuard.Runs;

namespace RegistryGuard.Scheduling;

/// <summary>A run service as a scheduled job: serve runs exactly what the command line runs, with the same options.</summary>
public sealed class ServiceJob : IScheduledJob
{
    private readonly Func<CancellationToken, Task<JobResult>> _run;

    private ServiceJob(bool mutating, Func<CancellationToken, Task<JobResult>> run)
    {
        Mutating = mutating;
        _run = run;
    }

    public bool Mutating { get; }

    /// <param name="mutating">Whether this run changes the registry (gc, scan with fix, prune with apply).</param>
    public static ServiceJob For<TReport>(bool mutating, Func<CancellationToken, Task<RunOutcome<TReport>>> run)
        where TReport : class
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ServiceJob(mutating, async cancellationToken =>
        {
            var outcome = await run(cancellationToken).ConfigureAwait(false);
            return new JobResult(outcome.ExitCode, outcome.Summary, outcome.Metrics);
        });
    }

    public Task<JobResult> RunAsync(CancellationToken cancellationToken) => _run(cancellationToken);
}
