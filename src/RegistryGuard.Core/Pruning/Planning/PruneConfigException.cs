namespace RegistryGuard.Pruning.Planning;

/// <summary>An invalid config file; the message names the file, line and key.</summary>
public sealed class PruneConfigException : Exception
{
    public PruneConfigException()
    {
    }

    public PruneConfigException(string message)
        : base(message)
    {
    }

    public PruneConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
