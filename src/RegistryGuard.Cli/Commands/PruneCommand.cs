using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class PruneCommand
{
    public static Command Create()
    {
        var flags = new PruneFlags();
        var command = new Command("prune", "Keep the newest tags and what they reach; delete the rest safely (dry run unless --apply).");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var outcome = await new PruneService().RunAsync(flags.Map(parse), ct).ConfigureAwait(false);
            var gc = outcome.Command is { } result ? [$"--gc-command exited {result.ExitCode}:\n{result.Combined}"] : Array.Empty<string>();
            return RunOutput.Finish(outcome, report => PruneReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out), gc);
        }));
        return command;
    }
}
