namespace RegistryGuard.Cli.Options;

/// <summary>A bad flag combination or unreadable input file: exit code 2 with the message.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
