using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Deploy;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Packaging;

/// <summary>
/// The output of scripts/release.sh: the directory named by <c>REGISTRYGUARD_DIST</c> (test.sh builds it once, before
/// the tests), else a build of its own into a temporary directory, once per test run (a Native AOT publish: minutes).
/// </summary>
internal sealed record ReleaseFiles(string Directory, string Version)
{
    public const string Variable = "REGISTRYGUARD_DIST";

    private static readonly Lazy<Task<ReleaseFiles>> Shared = new(LocateOrBuildAsync);

    public string Deb => Path.Combine(Directory, $"registryguard_{Version}_amd64.deb");

    public string Tarball => Path.Combine(Directory, $"registryguard-{Version}-linux-x64.tar.gz");

    public string Sums => Path.Combine(Directory, "SHA256SUMS");

    public static Task<ReleaseFiles> GetAsync() => Shared.Value;

    /// <summary>Unpacks the tarball into <paramref name="directory"/>; returns the native executable's path.</summary>
    public async Task<string> ExtractExecutableAsync(string directory)
    {
        var tar = await ProcessRunner.RunAsync("tar", ["-xzf", Tarball, "-C", directory, "--strip-components=1"], TimeSpan.FromMinutes(2), CancellationToken.None);
        return tar.ExitCode == 0 ? Path.Combine(directory, "registryguard") : throw new InvalidOperationException("tar: " + tar.Combined);
    }

    /// <summary>scripts/release.sh --binary: the same executable packaged as another version, into <paramref name="output"/>.</summary>
    public static async Task<ReleaseFiles> RepackageAsync(string binary, string version, string output)
    {
        await RunReleaseAsync(["--binary", binary, "--version", version, "--out", output]);
        return new ReleaseFiles(output, version);
    }

    private static async Task<ReleaseFiles> LocateOrBuildAsync()
    {
        var version = typeof(Cli.CliApp).Assembly.GetName().Version!.ToString(3);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            var files = new ReleaseFiles(Path.GetFullPath(given), version);
            return File.Exists(files.Deb)
                ? files
                : throw new InvalidOperationException($"{Variable}={given}: no {Path.GetFileName(files.Deb)} there (scripts/release.sh --out {given})");
        }

        var output = System.IO.Directory.CreateTempSubdirectory("registryguard-dist-").FullName;
        await RunReleaseAsync(["--out", output]);
        return new ReleaseFiles(output, version);
    }

    private static async Task RunReleaseAsync(IEnumerable<string> arguments)
    {
        var release = await ProcessRunner.RunAsync("bash", [RepositoryFiles.Path("scripts", "release.sh"), .. arguments], TimeSpan.FromMinutes(25), CancellationToken.None);
        if (release.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/release.sh failed:\n" + release.Combined);
        }
    }
}
