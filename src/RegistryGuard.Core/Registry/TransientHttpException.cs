using System.Net;

namespace RegistryGuard.Registry;

/// <summary>Internal signal for the retry pipeline: a status worth retrying, with the server's requested wait.</summary>
internal sealed class TransientHttpException : Exception
{
    public TransientHttpException()
    {
    }

    public TransientHttpException(string message)
        : base(message)
    {
    }

    public TransientHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TransientHttpException(HttpStatusCode statusCode, TimeSpan? retryAfter)
        : base($"{(int)statusCode} {statusCode}")
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public HttpStatusCode StatusCode { get; }

    public TimeSpan? RetryAfter { get; }
}
