using RegistryGuard.Common;
using RegistryGuard.Probing;

namespace RegistryGuard.Runs;

/// <summary>How probe and verify walk what they reach: what is hashed, and where missing children are normal.</summary>
public sealed record WalkSettings
{
    /// <summary>Also GET and hash blobs (catches same-size corruption).</summary>
    public bool Deep { get; init; }

    /// <summary>Hash at most this many bytes per run (implies <see cref="Deep"/>); successive runs cover everything.</summary>
    public long? DeepBudgetBytes { get; init; }

    /// <summary>The file keeping the budget's cursor; null: <see cref="StateDirectory.DeepCursor"/> of the registry when there is a budget.</summary>
    public string? DeepStateFile { get; init; }

    /// <summary>
    /// Repositories served by a pull-through cache: probe never walks them and checks the cache's upstream instead;
    /// verify walks the one reference it is given, a missing index child there being informational.
    /// </summary>
    public IReadOnlyList<GlobPattern> PullThrough { get; init; } = [];

    internal ProbeOptions ToProbeOptions(RegistryConnection connection) => new()
    {
        Concurrency = connection.Concurrency,
        Deep = Deep || DeepBudgetBytes is not null,
        DeepBudgetBytes = DeepBudgetBytes,
        DeepStateFile = DeepStateFile ?? (DeepBudgetBytes is null ? null : StateDirectory.DeepCursor(connection.Registry)),
        PullThrough = PullThrough,
    };
}
