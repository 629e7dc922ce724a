using System.Diagnostics;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Bench;

/// <summary>
/// The benchmark harness is part of the project, so CI runs it at the tiny size: it must complete and write the
/// whole table. A benchmark is not a timed test: nothing here looks at a figure.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_harness_runs_every_comparison_at_the_tiny_size_and_writes_the_table()
    {
        var text = await RunTinyAsync("run.sh", "benchmarks.md");

        foreach (var row in new[] { "| 1 |", "| 2a |", "| 2b |", "| 3a |", "| 3b |", "| 4 |", "| 5 |" })
        {
            Assert.Contains(row, text, StringComparison.Ordinal);
        }

        Assert.Contains("## Machine", text, StringComparison.Ordinal);
        Assert.Contains("## Reproduce", text, StringComparison.Ordinal);
        Assert.DoesNotContain("| nan", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signature_cost_measurement_runs_at_the_tiny_size_and_writes_its_table()
    {
        var text = await RunTinyAsync("signatures.sh", "SIGNATURES.md");

        foreach (var row in new[] { "| without `--cosign-key` |", "| with `--cosign-key` |", "| cost per signed image |", "8 signed images, all valid" })
        {
            Assert.Contains(row, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("nan", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "20", "2", "3")]
    [InlineData("probe", "4", "2", "4")]
    public async Task The_side_by_side_comparison_runs_both_builds_and_prints_their_table(string verb, string repositories, string tags, string groups)
    {
        var work = Directory.CreateTempSubdirectory("registryguard-side-by-side-smoke-").FullName;
        try
        {
            var (exitCode, stdout, stderr) = await RunScriptAsync(
                [RepositoryFiles.Path("bench", "side-by-side.sh"), "--verb", verb, "--shape", repositories, tags, groups, "--runs", "1",
                    "--work", work, "--prebuilt", AppContext.BaseDirectory]);

            Assert.True(exitCode == 0, $"bench/side-by-side.sh --verb {verb} exited {exitCode}\n{stdout}\n{stderr}");
            Assert.Contains("| baseline ", stdout, StringComparison.Ordinal);
            Assert.Contains("| this tree ", stdout, StringComparison.Ordinal);
            Assert.Contains($"{verb}, this tree / baseline: wall ", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("nan", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Runs bench/<paramref name="script"/> at the tiny size with the test's own build; returns the table it wrote.</summary>
    private static async Task<string> RunTinyAsync(string script, string tableName)
    {
        var work = Directory.CreateTempSubdirectory("registryguard-bench-smoke-").FullName;
        try
        {
            var table = Path.Combine(work, tableName);
            var (exitCode, stdout, stderr) = await RunScriptAsync(
                [RepositoryFiles.Path("bench", script), "--size", "tiny", "--runs", "1", "--work", work, "--output", table, "--prebuilt", AppContext.BaseDirectory]);
            Assert.True(exitCode == 0, $"bench/{script} exited {exitCode}\n{stdout}\n{stderr}");
            return await File.ReadAllTextAsync(table);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunScriptAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
