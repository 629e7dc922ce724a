namespace RegistryGuard.Common;

/// <summary>What a file-system error means to an operator, in the words of the system rather than of .NET.</summary>
public static class IoErrorText
{
    public static string Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "no such file or directory",
        PathTooLongException => "the path is too long",
        IOException io when io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        IOException io when io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        _ => exception?.Message ?? "unknown error",
    };
}
