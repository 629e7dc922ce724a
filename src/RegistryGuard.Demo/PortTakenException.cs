namespace RegistryGuard.Demo;

/// <summary>The registry could not have its port: something else bound it first, or answers on it.</summary>
internal sealed class PortTakenException : Exception
{
    public PortTakenException(string message)
        : base(message)
    {
    }
}
