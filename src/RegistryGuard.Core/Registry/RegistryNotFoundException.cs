using System.Net;

namespace RegistryGuard.Registry;

/// <summary>404: the registry says the object does not exist (for a manifest: no revision link, or no data).</summary>
public sealed class RegistryNotFoundException : RegistryException
{
    public RegistryNotFoundException()
    {
    }

    public RegistryNotFoundException(string message)
        : base(message, HttpStatusCode.NotFound)
    {
    }

    public RegistryNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryNotFoundException(string message, string? errorCode)
        : base(message, HttpStatusCode.NotFound, errorCode)
    {
    }
}
