namespace RegistryGuard.IntegrationTests.Soak;

internal enum OutageKind
{
    Registry,
    Gateway,
}

/// <summary>
/// An outage as serve's log saw it, in line numbers (a line numbered at least a mark was read after the mark was
/// taken): the log's length just before the part was stopped, a while after it stopped, just before it was started
/// again and a while after it answered. "A while" leaves time for lines serve wrote before to reach the test.
/// </summary>
internal sealed record SoakOutage(OutageKind Kind, int Stopping, int Stopped, int Resuming, int Resumed)
{
    /// <summary>
    /// The exit codes a run may end with. Outside every outage only 0: no run on a healthy registry reports
    /// anything. Wholly inside one, what the outage must show: the registry down is exit 3 for what reads it over
    /// HTTP (probe, prune) and changes nothing for what reads the storage (scan, gc); the gateway down is exit 4 for
    /// every run (clean, but its push failed). A run across an outage's edge may end either way, and one cut off
    /// by the registry going away mid-walk may report the objects it could not reach (exit 1).
    /// </summary>
    public static IReadOnlySet<int> AllowedExitCodes(ServeRun run, IReadOnlyList<SoakOutage> outages)
    {
        var allowed = new HashSet<int> { 0 };
        foreach (var outage in outages)
        {
            if (run.StartLine >= outage.Stopped && run.FinishLine < outage.Resuming)
            {
                return outage.During(run.Job);
            }

            var outside = run.FinishLine < outage.Stopping || run.StartLine >= outage.Resumed;
            if (!outside)
            {
                allowed.UnionWith(outage.During(run.Job));
                if (outage.Kind == OutageKind.Registry)
                {
                    allowed.Add(1);
                }
            }
        }

        return allowed;
    }

    private HashSet<int> During(string job) => Kind switch
    {
        OutageKind.Gateway => [4],
        _ when job is SoakRig.Probe or SoakRig.Prune => [3],
        _ => [0],
    };
}
