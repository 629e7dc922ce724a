using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// How every verb ends on the console: the report on stdout, then on stderr its notes, warnings, why the target
/// could not be read (one line), the verb's own notes, an interruption, and a failed push.
/// </summary>
internal static class RunOutput
{
    /// <returns>The run's exit code.</returns>
    public static int Finish<TReport>(RunOutcome<TReport> outcome, Action<TReport> writeReport, params IEnumerable<string> notes)
        where TReport : class
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Report is { } report)
        {
            writeReport(report);
        }

        foreach (var note in outcome.Notes.Concat(notes))
        {
            Console.Error.WriteLine(note.StartsWith("note: ", StringComparison.Ordinal) ? note : "note: " + note);
        }

        foreach (var warning in outcome.Warnings)
        {
            Console.Error.WriteLine("warning: " + warning);
        }

        if (outcome.Error is { } error)
        {
            Console.Error.WriteLine("error: " + error);
        }

        if (outcome.Interrupted)
        {
            Console.Error.WriteLine("interrupted: the summary above is partial; the push (if any) marks the run interrupted");
        }

        if (outcome.PushError is { } push)
        {
            Console.Error.WriteLine("error: metrics push failed: " + push);
        }

        return outcome.ExitCode;
    }
}
