using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>registryguard</c> binary (<see cref="CliBinary"/>) as a separate process, as an operator or CI would.</summary>
internal static class CliRunner
{
    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    /// <summary>
    /// The CLI as nobody can start it: a checkout in a directory only root may enter (<c>mktemp -d</c> makes 0700 ones)
    /// hides the binary from nobody, so it is then started from a world-readable copy of its directory.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<string>> NobodysCommand = new(() =>
    {
        if (OperatingSystem.IsWindows())
        {
            return CliBinary.Command;
        }

        var command = CliBinary.Command;
        var file = command[^1].EndsWith(".dll", StringComparison.Ordinal) ? command[^1] : command[0];
        if (OthersCanReach(file))
        {
            return command;
        }

        var copy = Path.Combine(Path.GetTempPath(), "registryguard-cli-for-nobody-" + Guid.NewGuid().ToString("N"));
        CopyReadableByAll(Path.GetDirectoryName(file)!, copy);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(copy, recursive: true);
        return [.. command.Select(part => part == file ? Path.Combine(copy, Path.GetFileName(file)) : part)];
    });

    /// <summary>
    /// Runs the CLI as user nobody (uid 65534) through util-linux's setpriv: tests run as root, for whom
    /// <c>chmod 000</c> blocks nothing, so only an unprivileged run shows what an unreadable directory does.
    /// </summary>
    public static Task<ProcessResult> RunAsNobodyAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            RequiredTool.Path("setpriv"),
            new[] { "--reuid=65534", "--regid=65534", "--clear-groups" }.Concat(NobodysCommand.Value).Concat(arguments),
            TimeSpan.FromMinutes(3),
            CancellationToken.None);

    public static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? standardInput, IReadOnlyDictionary<string, string>? environment)
    {
        var info = CliBinary.StartInfo(arguments);
        info.RedirectStandardInput = true;
        info.Environment.Remove("REGISTRYGUARD_PASSWORD");
        info.Environment.Remove("REGISTRYGUARD_USERNAME");
        info.Environment["HOME"] = System.IO.Path.GetTempPath(); // no operator docker config leaks into a test
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool OthersCanReach(string file)
    {
        for (var directory = Path.GetDirectoryName(Path.GetFullPath(file)); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if ((File.GetUnixFileMode(directory) & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CopyReadableByAll(string source, string target)
    {
        const UnixFileMode Directories = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(target, Directories);
        foreach (var file in Directory.GetFiles(source))
        {
            var copied = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copied);
            File.SetUnixFileMode(copied, File.GetUnixFileMode(file) | UnixFileMode.OtherRead | UnixFileMode.GroupRead);
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyReadableByAll(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}
