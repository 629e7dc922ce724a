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
        return RunCommand.Create(
            "scan",
            "Check the registry's storage directly (never over HTTP); dry run unless --fix.",
            flags.AddTo,
            flags.Map,
            (options, ct) => new ScanService().RunAsync(options, ProgressLine.Scan, ct),
            (report, parse) => ScanReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out),
            outcome => outcome.Report?.Summary.JournalPath is { } journal ? ["journal: " + journal] : []);
    }
}
