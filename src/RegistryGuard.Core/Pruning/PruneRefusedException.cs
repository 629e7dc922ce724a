namespace RegistryGuard.Pruning;

/// <summary>An apply that must not start (it would have to guess): exit 2 with the reason, nothing changed.</summary>
public sealed class PruneRefusedException : Exception
{
    public PruneRefusedException()
    {
    }

    public PruneRefusedException(string message)
        : base(message)
    {
    }

    public PruneRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
