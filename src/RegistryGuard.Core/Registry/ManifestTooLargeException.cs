namespace RegistryGuard.Registry;

/// <summary>A manifest larger than the configured limit: refused unread, never buffered.</summary>
public sealed class ManifestTooLargeException : RegistryException
{
    public ManifestTooLargeException()
    {
    }

    public ManifestTooLargeException(string message)
        : base(message)
    {
    }

    public ManifestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
