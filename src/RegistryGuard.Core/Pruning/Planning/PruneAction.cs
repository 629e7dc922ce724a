namespace RegistryGuard.Pruning.Planning;

public enum PruneAction
{
    Keep,
    Delete,
}
