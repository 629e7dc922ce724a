namespace RegistryGuard.Pruning;

public enum PruneAction
{
    Keep,
    Delete,
}
