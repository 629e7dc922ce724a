using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class VerifyCommand
{
    public static Command Create()
    {
        var flags = new VerifyFlags();
        var command = new Command("verify", "Walk one image (index, children, configs, layers): the CI post-push check. Exit 1 if anything is broken.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var outcome = await new VerifyService().RunAsync(flags.Map(parse), ct).ConfigureAwait(false);
            return RunOutput.Finish(outcome, report => ProbeReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out));
        }));
        return command;
    }
}
