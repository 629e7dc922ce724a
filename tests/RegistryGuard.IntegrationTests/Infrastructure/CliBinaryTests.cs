using System.Reflection;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>The suite runs the binary it was asked to run: a native run cannot fall back to the JIT build silently.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class CliBinaryTests
{
    [Fact]
    public async Task The_binary_under_test_reports_the_version_of_the_sources_and_is_native_when_asked()
    {
        var version = await CliRunner.RunAsync("--version");

        Assert.True(version.ExitCode == 0, version.Combined);
        // exactly the line System.CommandLine would print (the CLI answers a bare --version before building its parser)
        var expected = typeof(Cli.CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal((expected + "\n", ""), (version.StandardOutput, version.StandardError));
        if (CliBinary.IsExternal)
        {
            var executable = Assert.Single(CliBinary.Command);
            var header = new byte[4];
            await using (var file = File.OpenRead(executable))
            {
                await file.ReadExactlyAsync(header);
            }

            Assert.Equal("\u007fELF"u8.ToArray(), header);
            Assert.False(File.Exists(Path.ChangeExtension(executable, ".dll")), "a framework-dependent apphost, not the native executable");
        }
    }
}
