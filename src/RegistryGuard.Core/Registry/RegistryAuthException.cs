using System.Net;

namespace RegistryGuard.Registry;

/// <summary>401 or 403 after authenticating: the credentials are missing, wrong, or lack the scope.</summary>
public sealed class RegistryAuthException : RegistryException
{
    public RegistryAuthException()
    {
    }

    public RegistryAuthException(string message)
        : base(message)
    {
    }

    public RegistryAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryAuthException(string message, HttpStatusCode statusCode, string? errorCode = null)
        : base(message, statusCode, errorCode)
    {
    }
}
