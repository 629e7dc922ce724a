using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Deploy;
using RegistryGuard.IntegrationTests.Packaging;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Bench;

/// <summary>
/// bench/native.sh at the tiny size, against the release's native executable and the JIT build next to the tests: it
/// must complete and write its whole section. A benchmark is not a timed test: nothing here looks at a figure.
/// </summary>
public sealed class NativeBenchSmokeTests
{
    [Fact]
    public async Task The_native_comparison_runs_every_row_at_the_tiny_size_and_writes_its_section()
    {
        var release = await ReleaseFiles.GetAsync();
        var work = Directory.CreateTempSubdirectory("registryguard-native-bench-").FullName;
        try
        {
            var native = await release.ExtractExecutableAsync(Directory.CreateDirectory(Path.Combine(work, "native")).FullName);
            var table = Path.Combine(work, "benchmarks.md");
            await File.WriteAllTextAsync(table, "# Benchmarks\n\nthe rows of bench/run.sh\n");

            var bench = await ProcessRunner.RunAsync(
                "bash",
                [RepositoryFiles.Path("bench", "native.sh"), "--size", "tiny", "--runs", "1", "--work", work, "--output", table, "--native", native, "--jit", AppContext.BaseDirectory],
                TimeSpan.FromMinutes(10),
                CancellationToken.None);

            Assert.True(bench.ExitCode == 0, $"bench/native.sh exited {bench.ExitCode}\n{bench.Combined}");
            var text = await File.ReadAllTextAsync(table);
            Assert.StartsWith("# Benchmarks\n\nthe rows of bench/run.sh\n", text, StringComparison.Ordinal); // the rest of the file stays
            foreach (var row in new[] { "| N1 |", "| N2 |", "| N3 |", "| N4 |" })
            {
                Assert.Contains(row, text, StringComparison.Ordinal);
            }

            Assert.Contains("<!-- native-bench:end -->", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\bnan\b", text);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
