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

    /// <summary>Runs bench/<paramref name="script"/> at the tiny size with the test's own build; returns the table it wrote.</summary>
    private static async Task<string> RunTinyAsync(string script, string tableName)
    {
        var work = Directory.CreateTempSubdirectory("registryguard-bench-smoke-").FullName;
        try
        {
            var table = Path.Combine(work, tableName);
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                RepositoryFiles.Path("bench", script), "--size", "tiny", "--runs", "1", "--work", work, "--output", table,
                "--prebuilt", AppContext.BaseDirectory,
            })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(deadline.Token);
            Assert.True(process.ExitCode == 0, $"bench/{script} exited {process.ExitCode}\n{await stdout}\n{await stderr}");
            return await File.ReadAllTextAsync(table);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
