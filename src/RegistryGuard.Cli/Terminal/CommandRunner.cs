using RegistryGuard.Cli.Options;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Terminal;

/// <summary>Turns the exceptions a command may end with into messages and documented exit codes.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (FileNotFoundException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return 130;
        }
    }
}
