using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class ProbeCommand
{
    public static Command Create()
    {
        var flags = new ProbeFlags();
        return RunCommand.Create(
            "probe",
            "Walk the whole registry over HTTP: every tag, index child, config and layer.",
            flags.AddTo,
            flags.Map,
            (options, ct) => new ProbeService().RunAsync(options, ProgressLine.Probe, ct),
            (report, parse) => ProbeReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out));
    }
}
