using System.CommandLine;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

/// <summary>The shape of every verb's command: map the flags onto the verb's options, run its service once, print the outcome.</summary>
internal static class RunCommand
{
    /// <param name="addFlags">Declares the command's flags.</param>
    /// <param name="map">Parsed flags → the verb's options record (a usage error stops here, before anything runs).</param>
    /// <param name="run">The verb's run service.</param>
    /// <param name="writeReport">Writes the report on stdout.</param>
    /// <param name="notes">Further stderr lines of this verb, printed before a push failure.</param>
    public static Command Create<TOptions, TReport>(
        string name,
        string description,
        Action<Command> addFlags,
        Func<ParseResult, TOptions> map,
        Func<TOptions, CancellationToken, Task<RunOutcome<TReport>>> run,
        Action<TReport, ParseResult> writeReport,
        Func<RunOutcome<TReport>, IEnumerable<string>>? notes = null)
        where TReport : class
    {
        ArgumentNullException.ThrowIfNull(addFlags);
        var command = new Command(name, description);
        addFlags(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var outcome = await run(map(parse), ct).ConfigureAwait(false);
            return RunOutput.Finish(outcome, report => writeReport(report, parse), notes?.Invoke(outcome) ?? []);
        }));
        return command;
    }
}
