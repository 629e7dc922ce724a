using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// No container engine runs here (nor in CI): the Dockerfile is linted (dockerfilelint from the npm registry:
/// Debian packages no Dockerfile linter such as hadolint) and checked structurally, and its build stage is
/// performed for real by scripts/container-build.sh.
/// </summary>
public sealed partial class ContainerImageTests
{
    private static readonly string[] Dockerfile = JoinContinuations(File.ReadAllLines(RepositoryFiles.Path("Dockerfile")));

    [Fact]
    public void Dockerfile_builds_with_the_aot_sdk_and_runs_on_a_distroless_runtime_deps_image_pinned_to_exact_versions()
    {
        var stages = Instructions("FROM").ToList();

        Assert.Equal(2, stages.Count);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d+-noble-aot AS build$", stages[0]);
        // runtime-deps: no .NET runtime (the executable is native); chiseled: no shell, no package manager.
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime-deps:10\.0\.\d+-noble-chiseled(-extra)? AS runtime$", stages[1]);
        Assert.Contains(Instructions("COPY"), c => c.StartsWith("--from=build ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_runs_as_a_numeric_non_root_user_with_registryguard_as_entrypoint()
    {
        var user = Assert.Single(Instructions("USER"));
        var entrypoint = Assert.Single(Instructions("ENTRYPOINT"));

        Assert.Matches(@"^[1-9]\d*(:[1-9]\d*)?$", user);
        Assert.Matches(@"^\[""[^""]*/registryguard""\]$", entrypoint);
        Assert.Contains(Instructions("ENV"), e => e.Contains("DOTNET_EnableDiagnostics=0", StringComparison.Ordinal));
        Assert.Contains(Instructions("ENV"), e => e.Contains("TMPDIR=/tmp", StringComparison.Ordinal) && e.Contains("HOME=/tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_fetches_nothing_by_url_and_publishes_through_the_shared_script()
    {
        Assert.Empty(Instructions("ADD"));
        Assert.DoesNotContain(Dockerfile, l => UrlFetch().IsMatch(l));
        Assert.Equal(
            ["bash scripts/container-publish.sh restore", @"bash scripts/container-publish.sh publish ""$PUBLISH_DIR"""],
            Instructions("RUN"));
        Assert.Contains("PUBLISH_DIR=/app", Instructions("ARG"));
    }

    [Fact]
    public async Task Dockerfile_passes_the_linter()
    {
        var lint = await ProcessRunner.RunAsync("bash", [RepositoryFiles.Path("scripts", "lint-dockerfile.sh")], TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.True(lint.ExitCode == 0, lint.Combined);
        Assert.Contains("Issues: None found", lint.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_build_script_produces_a_working_native_registryguard()
    {
        var output = Directory.CreateTempSubdirectory("registryguard-image-").FullName;
        try
        {
            var build = await ProcessRunner.RunAsync(
                "bash", [RepositoryFiles.Path("scripts", "container-build.sh"), output], TimeSpan.FromMinutes(15), CancellationToken.None);

            Assert.True(build.ExitCode == 0, build.Combined);
            Assert.Contains("container-build: OK registryguard", build.StandardOutput, StringComparison.Ordinal);
            // One native executable and nothing else: no assemblies, no symbol files, no runtime next to it.
            Assert.Equal(["registryguard"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
            var executable = Path.Combine(output, "registryguard");
            Assert.True(IsNativeExecutable(executable), "the ENTRYPOINT is not a native executable");

            var version = await ProcessRunner.RunAsync("env", ["-i", executable, "--version"], TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.Equal(0, version.ExitCode);
            Assert.StartsWith(typeof(Cli.CliApp).Assembly.GetName().Version!.ToString(3), version.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static bool IsNativeExecutable(string path)
    {
        var header = new byte[4];
        using var stream = File.OpenRead(path);
        stream.ReadExactly(header);
        return header.AsSpan().SequenceEqual("\u007fELF"u8);
    }

    private static IEnumerable<string> Instructions(string keyword) =>
        Dockerfile.Where(l => l.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(l => l[(keyword.Length + 1)..].Trim());

    private static string[] JoinContinuations(string[] lines)
    {
        var joined = new List<string>();
        var current = "";
        foreach (var line in lines.Where(l => !l.TrimStart().StartsWith('#')))
        {
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            joined.Add(current + line);
            current = "";
        }

        return [.. joined.Where(l => l.Length > 0)];
    }

    [GeneratedRegex(@"\b(curl|wget)\b|https?://(?!mcr\.microsoft\.com)", RegexOptions.IgnoreCase)]
    private static partial Regex UrlFetch();
}
