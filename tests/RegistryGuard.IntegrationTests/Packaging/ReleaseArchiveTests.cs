using RegistryGuard.Common;

namespace RegistryGuard.IntegrationTests.Packaging;

/// <summary>The tarball and SHA256SUMS from scripts/release.sh, checked the way docs/install.md tells an operator to.</summary>
public sealed class ReleaseArchiveTests
{
    [Fact]
    public async Task Checksums_verify_and_the_tarball_holds_the_native_executable_and_its_man_page()
    {
        var release = await ReleaseFiles.GetAsync();

        var check = await ProcessRunner.RunAsync("bash", ["-c", "cd \"$0\" && sha256sum --check --strict SHA256SUMS", release.Directory], TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(check.ExitCode == 0, check.Combined);
        Assert.Contains(Path.GetFileName(release.Tarball) + ": OK", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(release.Deb) + ": OK", check.StandardOutput, StringComparison.Ordinal);

        var top = $"registryguard-{release.Version}-linux-x64";
        var listing = await ProcessRunner.RunAsync("tar", ["-tvzf", release.Tarball], TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(listing.ExitCode == 0, listing.Combined);
        Assert.Matches($@"(?m)^-rwxr-xr-x 0/0 .* {top}/registryguard$", listing.StandardOutput);
        Assert.Matches($@"(?m)^-rw-r--r-- 0/0 .* {top}/registryguard\.1$", listing.StandardOutput);

        var unpacked = Directory.CreateTempSubdirectory("registryguard-tarball-").FullName;
        try
        {
            var extract = await ProcessRunner.RunAsync("tar", ["-xzf", release.Tarball, "-C", unpacked], TimeSpan.FromMinutes(2), CancellationToken.None);
            Assert.True(extract.ExitCode == 0, extract.Combined);
            var executable = Path.Combine(unpacked, top, "registryguard");

            // No .NET next to it and none needed: it runs with an environment that names no runtime at all.
            Assert.Equal(["registryguard", "registryguard.1"], Directory.GetFiles(Path.Combine(unpacked, top)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var version = await ProcessRunner.RunAsync("env", ["-i", "PATH=/usr/bin:/bin", executable, "--version"], TimeSpan.FromMinutes(1), CancellationToken.None);
            Assert.True(version.ExitCode == 0, version.Combined);
            Assert.StartsWith(release.Version + "+", version.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }
    }
}
