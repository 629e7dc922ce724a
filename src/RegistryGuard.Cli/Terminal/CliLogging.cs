using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// Logs go to stderr only, so stdout stays a clean report (JSON pipes into jq). Default level Warning: retries
/// that gave up; Information adds each retry; Debug adds every request's status and auth decisions.
/// </summary>
internal static class CliLogging
{
    private static ILoggerFactory? _factory;

    public static Option<LogLevel> Level { get; } = new("--log-level")
    {
        Description = "Log level on stderr: Trace, Debug, Information, Warning (default), Error, None.",
        DefaultValueFactory = _ => LogLevel.Warning,
        Recursive = true,
    };

    public static ILogger CreateLogger(ParseResult parse, string category)
    {
        ArgumentNullException.ThrowIfNull(parse);
        _factory ??= LoggerFactory.Create(builder => builder
            .SetMinimumLevel(parse.GetValue(Level))
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss.fff ";
                options.UseUtcTimestamp = true;
            })
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace));
        return _factory.CreateLogger(category);
    }

    /// <summary>Flushes pending log lines; the console logger writes on a background thread.</summary>
    public static void Shutdown()
    {
        _factory?.Dispose();
        _factory = null;
    }
}
