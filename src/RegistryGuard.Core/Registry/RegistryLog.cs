using Microsoft.Extensions.Logging;

namespace RegistryGuard.Registry;

/// <summary>What the HTTP layer says about itself. Messages carry paths and statuses, never headers or credentials.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} {Path} -> {Status}")]
    public static partial void Response(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "transient failure ({Reason}); attempt {Attempt} failed, retrying in {DelayMs:0} ms")]
    public static partial void Retrying(ILogger logger, string reason, int attempt, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "gave up: {Message}")]
    public static partial void GaveUp(ILogger logger, string message);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "registry challenged with {Scheme}; fetching a token for scope '{Scope}'")]
    public static partial void FetchingToken(ILogger logger, string scheme, string scope);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "registry challenged with Basic; sending credentials for user '{User}' from now on")]
    public static partial void UsingBasic(ILogger logger, string user);
}
