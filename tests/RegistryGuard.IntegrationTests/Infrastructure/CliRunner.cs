using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>registryguard</c> binary (<see cref="CliBinary"/>) as a separate process, as an operator or CI would.</summary>
internal static class CliRunner
{
    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    /// <summary>
    /// Runs the CLI as user nobody (uid 65534) through util-linux's setpriv: tests run as root, for whom
    /// <c>chmod 000</c> blocks nothing, so only an unprivileged run shows what an unreadable directory does.
    /// </summary>
    public static Task<ProcessResult> RunAsNobodyAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            RequiredTool.Path("setpriv"),
            new[] { "--reuid=65534", "--regid=65534", "--clear-groups" }.Concat(CliBinary.Command).Concat(arguments),
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
}
