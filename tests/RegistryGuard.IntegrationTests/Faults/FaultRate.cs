namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>When a matching request gets the fault: always, every Nth, the first N, or with a probability from a fixed seed.</summary>
internal sealed class FaultRate
{
    private readonly Func<long, bool> _decide;
    private long _seen;

    private FaultRate(string description, Func<long, bool> decide)
    {
        Description = description;
        _decide = decide;
    }

    public string Description { get; }

    public static FaultRate Always => new("always", _ => true);

    public static FaultRate EveryNth(int n) => new($"every {n}th", i => i % n == 0);

    public static FaultRate FirstN(int n) => new($"first {n}", i => i <= n);

    /// <summary>Deterministic for a given request order (use --concurrency 1 for a fixed order).</summary>
    public static FaultRate Probability(double p, int seed)
    {
        var random = new Random(seed);
        return new FaultRate($"p={p} seed={seed}", _ =>
        {
            lock (random)
            {
                return random.NextDouble() < p;
            }
        });
    }

    public bool Fires() => _decide(Interlocked.Increment(ref _seen));
}
