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
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Run 'registryguard --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using var telemetry = OpenTelemetryExport.StartIfConfigured();
        try
        {
            return await parse.InvokeAsync().ConfigureAwait(false);
        }
        finally
        {
            CliLogging.Shutdown();
        }
    }
}
