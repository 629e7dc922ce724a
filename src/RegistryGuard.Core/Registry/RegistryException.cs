using System.Net;

namespace RegistryGuard.Registry;

/// <summary>The registry answered, but not with what was asked for.</summary>
public class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryException(string message, HttpStatusCode? statusCode, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The distribution error code from the body, such as MANIFEST_UNKNOWN.</summary>
    public string? ErrorCode { get; }
}
