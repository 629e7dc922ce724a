using System.IO.Compression;
using System.Reflection;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Packaging;

/// <summary>
/// The Debian package from scripts/release.sh, installed for real on this machine with dpkg (CI runs as root, as
/// here): install, an operator's changes, upgrade to a second version, remove, purge, reinstall, purge. No systemd
/// runs as PID 1 here, so the maintainer scripts must cope without it; nothing is started.
/// </summary>
public sealed class DebianPackageTests
{
    private const string Package = "registryguard";
    private const string Binary = "/usr/bin/registryguard";
    private const string StateDirectory = "/var/lib/registryguard";
    private const string ConfigDirectory = "/etc/registryguard";
    private const string UnitDirectory = "/usr/lib/systemd/system";
    private const string TimerLink = "/etc/systemd/system/timers.target.wants/registryguard-scan.timer";
    private static readonly string[] Units =
        ["registryguard-scan.service", "registryguard-scan.timer", "registryguard-probe.service", "registryguard-probe.timer", "registryguard-serve.service"];

    [Fact]
    public async Task Lintian_reports_no_error_and_no_warning()
    {
        var release = await ReleaseFiles.GetAsync();

        var lintian = await RunAsync(RequiredTool.Path("lintian"), "--fail-on", "error,warning", release.Deb);

        Assert.True(lintian.ExitCode == 0, lintian.Combined);
        Assert.DoesNotMatch(@"(?m)^[EW]: ", lintian.StandardOutput);
    }

    [Fact]
    public async Task Installs_upgrades_removes_and_purges_cleanly_with_dpkg()
    {
        RequireRoot();
        var release = await ReleaseFiles.GetAsync();
        using var machine = await MachineLock.AcquireAsync("registryguard-packaging", TimeSpan.FromMinutes(20));
        var before = await StatusAsync();
        Assert.True(before is null, $"registryguard is already installed on this machine ({before}): the test installs and purges it, so it refuses to run");
        var userExisted = await UserAsync() is not null;
        var stateExisted = Directory.Exists(StateDirectory);
        var work = Directory.CreateTempSubdirectory("registryguard-deb-").FullName;
        try
        {
            // The second version: the same executable, packaged as a later version.
            var extracted = Path.Combine(work, "v1");
            await MustAsync("dpkg-deb", "-x", release.Deb, extracted);
            var next = await ReleaseFiles.RepackageAsync(Path.Combine(extracted, "usr", "bin", "registryguard"), release.Version + "+1", Path.Combine(work, "v2"));

            // Install.
            await MustAsync("dpkg", "-i", release.Deb);
            Assert.Equal("ii " + release.Version, await StatusAsync());
            await AssertInstalledAsync();
            Assert.False(Directory.EnumerateFileSystemEntries("/etc/systemd/system", "registryguard-*", SearchOption.AllDirectories).Any(), "a unit was enabled on installation");

            // What an operator does: edit a conffile, enable the nightly scan; what the services leave behind.
            await File.AppendAllTextAsync(Path.Combine(ConfigDirectory, "registryguard.env"), "PUSHGATEWAY_URL=http://pushgateway.test:9091\n");
            await MustAsync("systemctl", "enable", "registryguard-scan.timer");
            Assert.True(Present(TimerLink));
            Directory.CreateDirectory(Path.Combine(StateDirectory, "journals"));
            await File.WriteAllTextAsync(Path.Combine(StateDirectory, "journals", "scan-fix.jsonl"), "{}\n");
            await File.WriteAllTextAsync(Path.Combine(StateDirectory, "deep-cursor"), "sha256:00\n");
            var user = await UserAsync();

            // Upgrade: the operator's conffile and enabled timer stay, the user is the same.
            await MustAsync("dpkg", "-i", next.Deb);
            Assert.Equal("ii " + next.Version, await StatusAsync());
            Assert.Contains("pushgateway.test", await File.ReadAllTextAsync(Path.Combine(ConfigDirectory, "registryguard.env")), StringComparison.Ordinal);
            Assert.True(Present(TimerLink), "the enabled timer was disabled by the upgrade");
            Assert.Equal(user, await UserAsync());
            await AssertInstalledAsync();

            // Remove: the program goes, the configuration, the user and the state stay.
            await MustAsync("dpkg", "-r", Package);
            Assert.Equal("rc " + next.Version, await StatusAsync());
            Assert.False(File.Exists(Binary));
            Assert.All(Units, unit => Assert.False(File.Exists(Path.Combine(UnitDirectory, unit))));
            Assert.True(File.Exists(Path.Combine(ConfigDirectory, "serve.yml")));
            Assert.True(File.Exists(Path.Combine(StateDirectory, "deep-cursor")));

            // Purge: configuration, enable links and regenerable state go; journals and the user stay, and purge says so.
            var purge = await MustAsync("dpkg", "-P", Package);
            Assert.Null(await StatusAsync());
            Assert.False(Directory.Exists(ConfigDirectory), "purge left " + ConfigDirectory);
            Assert.False(Present(TimerLink), "purge left the timer's enable link");
            Assert.False(File.Exists(Path.Combine(StateDirectory, "deep-cursor")));
            Assert.True(File.Exists(Path.Combine(StateDirectory, "journals", "scan-fix.jsonl")), "purge deleted a journal");
            Assert.Contains("kept /var/lib/registryguard", purge.StandardError, StringComparison.Ordinal);
            Assert.Equal(user, await UserAsync());

            // Reinstall over the kept user and journals, then purge again.
            await MustAsync("dpkg", "-i", release.Deb);
            await AssertInstalledAsync();
            Assert.Equal(user, await UserAsync());
            await MustAsync("dpkg", "-P", Package);
            Assert.Null(await StatusAsync());
        }
        finally
        {
            if (await StatusAsync() is not null)
            {
                await RunAsync("dpkg", "-P", Package);
            }

            if (!stateExisted && Directory.Exists(StateDirectory))
            {
                Directory.Delete(StateDirectory, recursive: true);
            }

            if (!userExisted && await UserAsync() is not null)
            {
                await RunAsync("userdel", Package);
                await RunAsync("groupdel", Package);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>What must hold after every install or upgrade.</summary>
    private static async Task AssertInstalledAsync()
    {
        // The native executable: no .NET runtime, no managed assemblies.
        var header = new byte[4];
        await using (var file = File.OpenRead(Binary))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header);
        var files = (await MustAsync("dpkg", "-L", Package)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(files, f => f.EndsWith(".dll", StringComparison.Ordinal));
        Assert.All(Units, unit => Assert.Contains(Path.Combine(UnitDirectory, unit), files));

        // The conffiles, the system user and its state directory.
        var conffiles = (await MustAsync("dpkg-query", "-W", "-f=${Conffiles}", Package)).StandardOutput;
        Assert.Contains(" /etc/registryguard/serve.yml ", conffiles, StringComparison.Ordinal);
        Assert.Contains(" /etc/registryguard/registryguard.env ", conffiles, StringComparison.Ordinal);
        var user = (await UserAsync())!.Split(':');
        Assert.InRange(int.Parse(user[2], System.Globalization.CultureInfo.InvariantCulture), 100, 999); // a system uid
        Assert.Equal(StateDirectory, user[5]);
        Assert.Equal("/usr/sbin/nologin", user[6]);
        Assert.Equal("registryguard:registryguard 750", (await MustAsync("stat", "-c", "%U:%G %a", StateDirectory)).StandardOutput.Trim());

        // The units, as installed, with the real binary and the real user: systemd accepts them.
        var verify = await RunAsync(RequiredTool.Path("systemd-analyze"), ["verify", "--man=no", .. Units.Select(u => Path.Combine(UnitDirectory, u))]);
        Assert.True(verify.ExitCode == 0 && verify.StandardError.Length == 0, verify.Combined);

        // The man page: every command of the CLI and every exit code, and man renders it without a warning.
        var manPage = Path.Combine("/usr/share/man/man1", "registryguard.1.gz");
        Assert.Contains(manPage, files);
        var roff = await ReadGzipAsync(manPage);
        Assert.All(Cli.CliApp.BuildRoot().Subcommands, c => Assert.Contains($".SS \"registryguard {c.Name}", roff, StringComparison.Ordinal));
        foreach (var code in typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!))
        {
            Assert.Contains($"\n.B {code}\n", roff, StringComparison.Ordinal);
        }

        var man = await RunAsync("man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", manPage);
        Assert.True(man.ExitCode == 0 && man.StandardError.Length == 0, man.StandardError);

        // The system user runs it against a real registry.
        await using var registry = await LocalRegistry.StartAsync();
        var probe = await RunAsync(RequiredTool.Path("setpriv"), "--reuid=registryguard", "--regid=registryguard", "--clear-groups", Binary, "probe", "--registry", registry.Url.ToString());
        Assert.True(probe.ExitCode == 0, probe.Combined);
    }

    /// <summary>A file or a symbolic link, dangling or not.</summary>
    private static bool Present(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    private static void RequireRoot()
    {
        if (Environment.UserName != "root")
        {
            Assert.Fail($"the package test installs registryguard with dpkg and needs root (CI runs as root); it ran as '{Environment.UserName}'");
        }
    }

    /// <summary>"ii 0.1.0" (dpkg's abbreviated status and version), or null when dpkg knows no registryguard.</summary>
    private static async Task<string?> StatusAsync()
    {
        var query = await RunAsync("dpkg-query", "-W", "-f=${db:Status-Abbrev}${Version}", Package);
        var status = query.StandardOutput.Replace("  ", " ", StringComparison.Ordinal).Trim();
        return query.ExitCode != 0 || status.StartsWith("un", StringComparison.Ordinal) ? null : status;
    }

    private static async Task<string?> UserAsync()
    {
        var entry = await RunAsync("getent", "passwd", Package);
        return entry.ExitCode == 0 ? entry.StandardOutput.Trim() : null;
    }

    private static async Task<string> ReadGzipAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    private static async Task<ProcessResult> MustAsync(string program, params string[] arguments)
    {
        var result = await RunAsync(program, arguments);
        Assert.True(result.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.Combined}");
        Assert.DoesNotContain("warning", result.StandardError, StringComparison.OrdinalIgnoreCase);
        return result;
    }

    private static Task<ProcessResult> RunAsync(string program, params string[] arguments) =>
        ProcessRunner.RunAsync(program, arguments, TimeSpan.FromMinutes(5), CancellationToken.None);
}
