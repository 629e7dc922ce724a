using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>probe and scan run as processes against a corpus registry, their JSON reports parsed and logged.</summary>
internal static class CorpusChecks
{
    public static Task<JsonReport> ProbeAsync(LocalRegistry registry, bool deep, ITestOutputHelper output) =>
        RunAsync(["probe", "--registry", registry.Url.ToString(), "--output", "json", .. deep ? new[] { "--deep" } : []], output);

    public static Task<JsonReport> ScanAsync(LocalRegistry registry, bool deep, ITestOutputHelper output) =>
        RunAsync(["scan", "--root", registry.StorageRoot, "--output", "json", .. deep ? new[] { "--deep" } : []], output);

    private static async Task<JsonReport> RunAsync(string[] arguments, ITestOutputHelper output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = await CliRunner.RunAsync(arguments);
        output.WriteLine($"registryguard {arguments[0]}{(arguments.Contains("--deep") ? " --deep" : "")}: exit {result.ExitCode} in {clock.Elapsed.TotalSeconds:0.0}s");
        Assert.True(result.ExitCode is 0 or 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        foreach (var f in report.Findings)
        {
            output.WriteLine($"  {f.Severity} {f.Kind} {f.Repository}:{f.Tag} parent={f.Parent} digest={f.Digest} {f.Detail}");
        }

        Assert.Equal(report.Failures.Any() ? 1 : 0, result.ExitCode);
        return report;
    }
}
