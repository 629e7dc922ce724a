using System.CommandLine;
using RegistryGuard.Pruning;
using RegistryGuard.Registry;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Commands;

internal static class RestoreCommand
{
    public static Command Create()
    {
        var backup = new Option<DirectoryInfo>("--backup") { Description = "The restore bundle a 'prune --apply --registry' wrote.", Required = true };
        var registry = new Option<string>("--registry", "-r") { Description = "Registry base URL.", Required = true };
        var connection = new ConnectionOptions();
        var command = new Command("restore", "Put back what an API prune deleted (manifests, then tags). Works until garbage-collect sweeps their blobs.")
        {
            backup, registry,
        };
        connection.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var url = RegistryUrl.Parse(parse.GetValue(registry)!);
            using var client = new RegistryClient(connection.Build(parse, url));
            RestoreResult result;
            try
            {
                result = await new BundleRestorer(client).RestoreAsync(parse.GetValue(backup)!.FullName, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
            catch (Exception ex) when (ex is RegistryUnreachableException or RegistryAuthException)
            {
                await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
                return ExitCodes.RegistryUnavailable;
            }

            await Console.Out.WriteLineAsync($"restored {result.Manifests} manifests and {result.Tags} tags").ConfigureAwait(false);
            foreach (var problem in result.Problems)
            {
                await Console.Out.WriteLineAsync("problem: " + problem).ConfigureAwait(false);
            }

            return result.Problems.Count == 0 ? ExitCodes.Clean : ExitCodes.Findings;
        }));
        return command;
    }
}
