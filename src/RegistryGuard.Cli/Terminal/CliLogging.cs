using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// Logs go to stderr only, so stdout stays a clean report (JSON pipes into jq). Default level Warning: what the
/// report and the one error line do not already say. Information adds each retry and each request that gave up
/// (the report names it as a finding or the error, once); Debug adds every request's status, auth decisions and
/// the stack trace of an unexpected error.
/// </summary>
internal static class CliLogging
{
    private static LogLevel _level = LogLevel.Warning;

    public static Option<LogLevel> Level { get; } = new("--log-level")
    {
        Description = "Log level on stderr: Trace, Debug, Information, Warning (default), Error, None.",
        DefaultValueFactory = _ => LogLevel.Warning,
        Recursive = true,
    };

    /// <summary>Takes the level from a successful parse, before the command runs.</summary>
    public static void Configure(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        _level = parse.GetValue(Level);
    }

    /// <summary>Whether <paramref name="level"/> is logged: e.g. a stack trace is printed only at Debug.</summary>
    public static bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= _level;

    public static ILogger CreateLogger(ParseResult parse, string category)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new StderrLogger(category, parse.GetValue(Level), TimeProvider.System);
    }
}
