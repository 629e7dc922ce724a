using System.Text.RegularExpressions;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>A fault for the requests whose "METHOD /path?query" matches <see cref="Route"/>, at <see cref="Rate"/>.</summary>
internal sealed class FaultRule(string route, FaultRate rate, Fault fault)
{
    private int _fired;

    public Regex Route { get; } = new(route, RegexOptions.CultureInvariant);

    public FaultRate Rate { get; } = rate;

    public Fault Fault { get; } = fault;

    /// <summary>How many requests got the fault.</summary>
    public int Fired => Volatile.Read(ref _fired);

    public bool TryFire(string request)
    {
        if (!Route.IsMatch(request) || !Rate.Fires())
        {
            return false;
        }

        Interlocked.Increment(ref _fired);
        return true;
    }
}
