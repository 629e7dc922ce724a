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
        var command = new Command("probe", "Walk the whole registry over HTTP: every tag, index child, config and layer.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var outcome = await new ProbeService().RunAsync(flags.Map(parse), ProgressLine.Probe, ct).ConfigureAwait(false);
            return RunOutput.Finish(outcome, report => ProbeReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out));
        }));
        return command;
    }
}
