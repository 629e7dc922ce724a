using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Execution;
using RegistryGuard.Registry;
using RegistryGuard.Reporting;
using RegistryGuard.Runs;

namespace RegistryGuard.Cli.Commands;

internal static class RestoreCommand
{
    public static Command Create()
    {
        var flags = new RestoreFlags();
        var command = new Command("restore", "Put back what an API prune deleted (manifests, then tags). Works until garbage-collect sweeps their blobs.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            RestoreResult result;
            var connection = flags.Connection(parse);
            try
            {
                (connection, var note) = await SchemeFallback.ResolveAsync(connection, ct).ConfigureAwait(false);
                if (note is not null)
                {
                    await Console.Error.WriteLineAsync("note: " + note).ConfigureAwait(false);
                }

                using var client = new RegistryClient(connection.ClientOptions());
                result = await new BundleRestorer(client).RestoreAsync(parse.GetValue(flags.Backup)!.FullName, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
            catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException)
            {
                await Console.Error.WriteLineAsync($"error: {connection.Registry.GetLeftPart(UriPartial.Authority)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.RegistryUnavailable;
            }

            var exitCode = result.Problems.Count == 0 ? ExitCodes.Clean : ExitCodes.Findings;
            RestoreReportWriter.Write(parse.GetValue(flags.Backup)!.FullName, result, exitCode, parse.GetValue(flags.Output), Console.Out);
            return exitCode;
        }));
        return command;
    }
}
