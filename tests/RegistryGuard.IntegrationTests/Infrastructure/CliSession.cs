using System.Diagnostics;
using System.Globalization;
using System.Text;
using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>
/// The real registryguard binary started in the background with stdout and stderr kept apart, so a test can wait
/// for a line, send it a real signal (kill -INT / -TERM) and read the exit code and both streams.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliSession(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CliSession Start(params string[] arguments)
    {
        var process = Process.Start(StartInfo(arguments))!;
        var session = new CliSession(process);
        process.OutputDataReceived += (_, e) => Append(session._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(session._stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return session;
    }

    /// <summary>
    /// The binary under test (<see cref="CliBinary"/>: the JIT build, or REGISTRYGUARD_BINARY's native executable) with its
    /// output captured, HOME a temporary directory (no operator docker config leaks in) and no password in the environment.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var info = CliBinary.StartInfo(arguments);
        info.Environment["HOME"] = Path.GetTempPath();
        info.Environment.Remove("REGISTRYGUARD_PASSWORD");
        return info;
    }

    /// <summary>Waits until stdout or stderr holds <paramref name="text"/> (hang protection only; ends on the condition).</summary>
    public async Task WaitForOutputAsync(string text)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            if (StandardOutput.Contains(text, StringComparison.Ordinal) || StandardError.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"'{text}' never appeared; stdout:\n{StandardOutput}\nstderr:\n{StandardError}");
    }

    /// <summary>Sends a real signal with kill(1): "INT" or "TERM".</summary>
    public async Task SignalAsync(string signal)
    {
        var kill = await ProcessRunner.RunAsync("kill", [$"-{signal}", Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {Id}: {kill.Combined}");
        }
    }

    public async Task<ProcessResult> WaitForExitAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // hang protection only
        await _process.WaitForExitAsync(guard.Token);
        _process.WaitForExit(); // drains the redirected streams
        return new ProcessResult(_process.ExitCode, StandardOutput, StandardError);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
