using Microsoft.Extensions.Logging;
using RegistryGuard.Cli.Options;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// Turns the exceptions a command may end with into one line on stderr and a documented exit code. Nothing reaches
/// the operator as a stack trace unless <c>--log-level Debug</c> (or Trace) asks for one.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            return Fail(ex.Message, ExitCodes.Usage, ex, allLines: true);
        }
        catch (Exception ex) when (ex is ArgumentException or FileNotFoundException)
        {
            return Fail(ex.Message, ExitCodes.Usage, ex);
        }
        catch (OperationCanceledException ex)
        {
            return Fail("interrupted before the run could print a summary", ExitCodes.Interrupted, ex, prefix: "");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ex is UnauthorizedAccessException ? $"permission denied: {ex.Message}" : ex.Message, ExitCodes.Usage, ex);
        }
        catch (Exception ex)
        {
            return Fail($"unexpected {ex.GetType().Name}: {FirstLine(ex.Message)} (run with --log-level Debug for details)", ExitCodes.InternalError, ex);
        }
    }

    /// <param name="allLines">A usage error composed by us may list several problems, one per line; anything else is cut
    /// to its first line (an exception's further lines are details for --log-level Debug).</param>
    private static int Fail(string message, int exitCode, Exception exception, string prefix = "error: ", bool allLines = false)
    {
        Console.Error.WriteLine(prefix + (allLines ? message : FirstLine(message)));
        if (CliLogging.IsEnabled(LogLevel.Debug))
        {
            Console.Error.WriteLine(exception.ToString());
        }

        return exitCode;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd('\r');
}
