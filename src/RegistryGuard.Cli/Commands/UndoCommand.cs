using System.CommandLine;
using RegistryGuard.Cli.Options;
using RegistryGuard.Cli.Terminal;
using RegistryGuard.Common;
using RegistryGuard.Reporting;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Cli.Commands;

internal static class UndoCommand
{
    public static Command Create()
    {
        var flags = new UndoFlags();
        var command = new Command("undo", "Restore the link files a journaled run changed, newest change first; never clobbers later changes.");
        flags.AddTo(command);
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var path = flags.Map(parse);
            UndoResult result;
            try
            {
                result = JournalUndo.Undo(path);
            }
            catch (InvalidDataException ex)
            {
                throw new UsageException(ex.Message, ex);
            }

            foreach (var warning in result.Warnings)
            {
                await Console.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
            }

            var exitCode = result.Conflicts.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean;
            UndoReportWriter.Write(path, result, exitCode, parse.GetValue(flags.Output), Console.Out);
            return exitCode;
        }));
        return command;
    }
}
