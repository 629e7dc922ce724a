using RegistryGuard.Metrics;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Pruning;
using RegistryGuard.Storage;

namespace RegistryGuard.Runs;

/// <summary>
/// Everything a prune can be told, with its default: <c>prune</c> and serve's prune jobs. Over the API
/// (<see cref="OverApi"/>) or on storage (<see cref="OnStorage"/>); a dry run unless <see cref="Apply"/>.
/// </summary>
public sealed record PruneRunOptions
{
    public const string DefaultJob = PruneMetrics.DefaultJob;

    private PruneRunOptions(RegistryConnection? connection, string? storageRoot)
    {
        Connection = connection;
        StorageRoot = storageRoot;
    }

    /// <summary>Over the API: DELETE by digest (the registry needs <c>storage.delete.enabled</c>).</summary>
    public RegistryConnection? Connection { get; }

    /// <summary>On storage (the registry's <c>rootdirectory</c>): tag and revision links only, journaled.</summary>
    public string? StorageRoot { get; }

    /// <summary>What is kept; the built-in policy (newest 10 tags, <c>latest</c> protected) unless given.</summary>
    public PruneRules Rules { get; init; } = RulesFrom(null, new PolicyOverrides(), [], []);

    /// <summary>Execute the plan instead of only printing it.</summary>
    public bool Apply { get; init; }

    /// <summary>API: the restore bundle directory; null: a new one in <see cref="BackupDirectory"/>.</summary>
    public string? Backup { get; init; }

    /// <summary>API: where new restore bundles go; null: <see cref="StateDirectory.PruneBackups"/>.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>Storage: the journal, which must not exist yet; null: a new one in <see cref="JournalDirectory"/>.</summary>
    public string? JournalPath { get; init; }

    /// <summary>Storage: where new journals go; null: <see cref="StateDirectory.Journals"/>.</summary>
    public string? JournalDirectory { get; init; }

    /// <summary>After an apply, run this shell command (the registry's plain garbage-collect; never --delete-untagged).</summary>
    public string? GcCommand { get; init; }

    public TimeSpan GcCommandTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Storage: the registry this storage serves, when known: the push's default <c>instance</c> (else this machine).</summary>
    public Uri? Registry { get; init; }

    public PushSettings? Push { get; init; }

    /// <summary>The push's default <c>instance</c>.</summary>
    public string Instance => Connection?.Instance ?? PushSettings.DefaultInstance(Registry);

    public static PruneRunOptions OverApi(RegistryConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new PruneRunOptions(connection, null);
    }

    public static PruneRunOptions OnStorage(string storageRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(storageRoot);
        return new PruneRunOptions(null, storageRoot);
    }

    /// <summary>
    /// The rules from a policy file (or none), settings given on top of its defaults, and repository scope: the one
    /// way the command line and serve build them.
    /// </summary>
    public static PruneRules RulesFrom(PruneConfig? policy, PolicyOverrides overrides, IReadOnlyList<string> include, IReadOnlyList<string> exclude) =>
        PruneConfigLoader.Rules(policy ?? new PruneConfig(), overrides, include, exclude);
}
