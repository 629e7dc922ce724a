namespace RegistryGuard.Scheduling.Config;

/// <summary>An invalid serve config; <see cref="Exception.Message"/> lists every problem as FILE:LINE: key: what is wrong.</summary>
public sealed class ServeConfigException : Exception
{
    public ServeConfigException()
    {
    }

    public ServeConfigException(string message)
        : base(message)
    {
    }

    public ServeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IReadOnlyList<string> Errors { get; init; } = [];
}
