namespace RegistryGuard.Pruning.Execution;

public static class PruneBackupLocation
{
    /// <summary>A new directory under <c>$XDG_STATE_HOME/registryguard/prune-backups/</c>.</summary>
    public static string Default(TimeProvider timeProvider) => StateLocation.Timestamped("prune-backups", timeProvider);
}
