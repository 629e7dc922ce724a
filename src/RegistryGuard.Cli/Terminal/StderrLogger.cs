using System.Globalization;
using Microsoft.Extensions.Logging;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// One line per entry on stderr, written at once, in the console logger's single-line form
/// (<c>HH:mm:ss.fff warn: Category[id] message</c>). Not the console logger itself: that one brings a queue thread,
/// the options system and its formatters into every probe, pages a one-shot native run pays for in peak memory
/// (docs/benchmarks.md, N2), for the few lines a run logs.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimum, TimeProvider timeProvider) : ILogger
{
    private static readonly Lock Writing = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimum;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{timeProvider.GetUtcNow():HH:mm:ss.fff} {Abbreviation(logLevel)}: {category}[{eventId.Id}] {message}");
        if (exception is not null)
        {
            line += " " + exception.ToString().ReplaceLineEndings(" ");
        }

        lock (Writing)
        {
            Console.Error.WriteLine(line);
        }
    }

    private static string Abbreviation(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
