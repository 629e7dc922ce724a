namespace RegistryGuard.Signatures;

/// <summary>A key file that cannot be used: the message is one line naming the file, never its content.</summary>
public sealed class CosignKeyException : Exception
{
    public CosignKeyException()
    {
    }

    public CosignKeyException(string message)
        : base(message)
    {
    }

    public CosignKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
