namespace RegistryGuard.Metrics;

/// <summary>A push the gateway did not accept, or could not be reached for; the message says which and why.</summary>
public sealed class PushgatewayException : Exception
{
    public PushgatewayException()
    {
    }

    public PushgatewayException(string message)
        : base(message)
    {
    }

    public PushgatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
