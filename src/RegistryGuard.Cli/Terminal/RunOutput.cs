using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// How every verb ends on the console: the report on stdout, then on stderr its warnings, why the target could
/// not be read, the verb's own notes, and a failed push.
/// </summary>
internal static class RunOutput
{
    /// <returns>The run's exit code.</returns>
    public static int Finish<TReport>(RunOutcome<TReport> outcome, Action<TReport> writeReport, params IEnumerable<string> notes)
        where TReport : class
    {
        if (outcome.Report is { } report)
        {
            writeReport(report);
        }

        foreach (var warning in outcome.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        if (outcome.Error is { } error)
        {
            Console.Error.WriteLine("error: " + error);
        }

        foreach (var note in notes)
        {
            Console.Error.WriteLine(note);
        }

        if (outcome.PushError is { } push)
        {
            Console.Error.WriteLine("error: metrics push failed: " + push);
        }

        return outcome.ExitCode;
    }
}
