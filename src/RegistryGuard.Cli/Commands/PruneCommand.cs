using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class PruneCommand
{
    public static Command Create()
    {
        var flags = new PruneFlags();
        return RunCommand.Create(
            "prune",
            "Keep the newest tags and what they reach; delete the rest safely (dry run unless --apply).",
            flags.AddTo,
            flags.Map,
            (options, ct) => new PruneService().RunAsync(options, ct),
            (report, parse) => PruneReportWriter.Write(report, parse.GetValue(flags.Output), Console.Out),
            outcome => outcome.Command is { } gc ? [$"--gc-command exited {gc.ExitCode}:\n{gc.Combined}"] : []);
    }
}
