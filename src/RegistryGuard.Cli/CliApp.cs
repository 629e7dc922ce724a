using System.CommandLine;
using RegistryGuard.Cli.Commands;
using RegistryGuard.Cli.Telemetry;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;

namespace RegistryGuard.Cli;

internal static class CliApp
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("RegistryGuard keeps a private OCI registry honest: probe, verify, scan, repair and prune safely.")
        {
            ProbeCommand.Create(),
            VerifyCommand.Create(),
            DemoCommand.Create(),
            ScanCommand.Create(),
            UndoCommand.Create(),
            PruneCommand.Create(),
            RestoreCommand.Create(),
            ServeCommand.Create(),
        };
        root.Add(CliLogging.Level);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command is RootCommand ? "registryguard" : "registryguard " + parse.CommandResult.Command.Name;
            foreach (var error in parse.Errors.Select(UsageErrors.Describe).Distinct())
            {
                await Console.Error.WriteLineAsync($"error: {error} (see '{command} --help')").ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        CliLogging.Configure(parse);
        using var signals = TerminationSignals.Register();
        using var telemetry = OpenTelemetryExport.StartIfConfigured();
        // Signals are ours (TerminationSignals): System.CommandLine's own handling would return after two seconds
        // with the run still going. Exceptions are ours too (CommandRunner): one line, never a stack trace.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        return signals.ExitCode(await parse.InvokeAsync(invocation, signals.Token).ConfigureAwait(false));
    }
}
