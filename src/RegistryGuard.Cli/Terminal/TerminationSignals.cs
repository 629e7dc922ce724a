using System.Runtime.InteropServices;
using RegistryGuard.Common;

namespace RegistryGuard.Cli.Terminal;

/// <summary>
/// SIGINT and SIGTERM for every command, instead of System.CommandLine's own handling (which gives the command two
/// seconds and then returns 130 while the run is still going, so no summary and no push). The first signal cancels
/// the run's token: the run stops issuing requests, finishes the change in flight, prints its partial summary and
/// pushes an interrupted status. A second signal stops the process at once (exit handlers still run, so the demo's
/// registry is stopped and its storage removed).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _received;

    private TerminationSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Received => Volatile.Read(ref _received) switch
    {
        0 => null,
        var signal => (PosixSignal)signal,
    };

    public static TerminationSignals Register() => new();

    /// <summary>The process's exit code: an interrupted run reports which signal stopped it (130 SIGINT, 143 SIGTERM).</summary>
    public int ExitCode(int commandExitCode) =>
        commandExitCode == ExitCodes.Interrupted ? CodeFor(Received ?? PosixSignal.SIGINT) : commandExitCode;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private static int CodeFor(PosixSignal signal) => signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    private static string NameOf(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the run ends itself; the runtime must not end the process under it
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) == 0)
        {
            // Cancelled before the line is printed: whoever reads the line knows no new step will start.
            try
            {
                _cancel.Cancel();
            }
            catch (AggregateException)
            {
                // a cancellation callback failed; the run still sees the token cancelled
            }

            Console.Error.WriteLine($"{NameOf(context.Signal)}: stopping after the step in flight (send it again to stop at once)");
            return;
        }

        Console.Error.WriteLine($"{NameOf(context.Signal)} again: stopping now");
        Environment.Exit(CodeFor(context.Signal));
    }
}
