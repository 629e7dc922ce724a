using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>registryguard</c> binary as a separate process, as an operator or CI would.</summary>
internal static class CliRunner
{
    private static readonly string Assembly = System.IO.Path.Combine(AppContext.BaseDirectory, "registryguard.dll");

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, null, null);

    public static async Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? standardInput, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

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
