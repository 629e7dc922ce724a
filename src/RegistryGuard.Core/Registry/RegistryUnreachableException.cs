using System.Net;

namespace RegistryGuard.Registry;

/// <summary>
/// Still failing after retries: 5xx, 429, a timeout, a refused or reset connection, a TLS failure. The
/// object was not checked, which is different from the registry saying it is missing.
/// </summary>
public sealed class RegistryUnreachableException : RegistryException
{
    public RegistryUnreachableException()
    {
    }

    public RegistryUnreachableException(string message)
        : base(message)
    {
    }

    public RegistryUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryUnreachableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base(message, statusCode, null, innerException)
    {
    }
}
