using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class ScanCommand
{
    public static Command Create()
    {
        var flags = new ScanFlags();
        var command = new Command("scan", "Check the registry's storage directly (never over HTTP); dry run unless --fix.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var outcome = await new ScanService().RunAsync(flags.Map(parse), ProgressLine.Scan, ct).ConfigureAwait(false);
            var journal = outcome.Report?.Summary.JournalPath is { } path ? ["journal: " + path] : Array.Empty<string>();
            return RunOutput.Finish(outcome, report => ScanReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out), journal);
        }));
        return command;
    }
}
