using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>
/// The systemd units (installed by the Debian package), checked by systemd itself and for the hardening that matters
/// on the registry VM.
/// </summary>
public sealed partial class SystemdUnitTests
{
    private const string InstalledBinary = "/usr/bin/registryguard";
    private static readonly string UnitDirectory = RepositoryFiles.Path("deploy", "systemd");

    public static TheoryData<string> Services => new() { "registryguard-scan.service", "registryguard-probe.service", "registryguard-serve.service" };

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_units_without_a_warning()
    {
        // verify insists that ExecStart exists: check a copy that runs /bin/true instead of the installed binary.
        var copy = Directory.CreateTempSubdirectory("registryguard-units-").FullName;
        try
        {
            var units = Units().Select(unit =>
            {
                var target = Path.Combine(copy, Path.GetFileName(unit));
                File.WriteAllText(target, File.ReadAllText(unit).Replace(InstalledBinary, "/bin/true", StringComparison.Ordinal));
                return target;
            }).ToList();

            var result = await ProcessRunner.RunAsync(RequiredTool.Path("systemd-analyze"), ["verify", "--man=no", .. units], TimeSpan.FromMinutes(1), CancellationToken.None);

            Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, result.Combined);
            Assert.Equal(5, units.Count);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Units_run_as_the_packages_system_user_without_privileges(string unit)
    {
        var settings = Settings(unit);

        Assert.Equal("registryguard", settings["User"].Single());
        Assert.Equal("registryguard", settings["Group"].Single());
        Assert.Empty(settings["DynamicUser"]); // the package creates a system user (postinst)
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal("yes", settings["NoNewPrivileges"].Single());
        Assert.Equal("", settings["CapabilityBoundingSet"].Single());
        Assert.Equal("yes", settings["PrivateTmp"].Single());
        Assert.Equal("registryguard", settings["StateDirectory"].Single());
        Assert.Contains("XDG_STATE_HOME=/var/lib", settings["Environment"]); // journals and bundles under the StateDirectory
        Assert.Equal("yes", settings["MemoryDenyWriteExecute"].Single()); // the native executable has no JIT
        Assert.StartsWith(InstalledBinary + " ", settings["ExecStart"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registryguard-scan.service")]
    [InlineData("registryguard-serve.service")]
    public void Units_cannot_write_the_debian_registry_storage(string unit) =>
        Assert.Equal(DebianStorage.Root, Settings(unit)["ReadOnlyPaths"].Single());

    [Fact]
    public void Scan_timer_runs_the_dry_run_scan_of_the_debian_storage_nightly()
    {
        var timer = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.timer"));
        var service = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.service"));

        Assert.Matches(@"(?m)^OnCalendar=\*-\*-\* \d\d:\d\d:\d\d", timer);
        Assert.Contains("Persistent=true", timer, StringComparison.Ordinal);
        Assert.Contains("Unit=registryguard-scan.service", timer, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ExecStart=/usr/bin/registryguard scan --root /var/lib/docker-registry --dry-run ", service);
        Assert.DoesNotContain("--fix", Settings("registryguard-scan.service")["ExecStart"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_timer_pushes_every_15_minutes_under_the_job_the_alerts_watch()
    {
        var timer = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-probe.timer"));
        var service = Settings("registryguard-probe.service");

        Assert.Contains("OnCalendar=*:0/15", timer, StringComparison.Ordinal);
        Assert.Contains("Unit=registryguard-probe.service", timer, StringComparison.Ordinal);
        Assert.Contains("--job registry-integrity-probe", service["ExecStart"].Single(), StringComparison.Ordinal);
        Assert.Contains("job=\"registry-integrity-probe\"", File.ReadAllText(RepositoryFiles.Path("deploy", "alerts", "registryguard.rules.yml")), StringComparison.Ordinal);
        Assert.Equal("1", service["SuccessExitStatus"].Single()); // findings are pushed and alerted on, not a unit failure
    }

    [Fact]
    public void Serve_example_config_uses_the_paths_the_serve_unit_grants()
    {
        var example = File.ReadAllText(RepositoryFiles.Path("deploy", "serve.example.yml"));
        var serve = Settings("registryguard-serve.service");

        Assert.Contains("storage_root: " + DebianStorage.Root, example, StringComparison.Ordinal);
        Assert.Equal("registry-password:/etc/registryguard/registry-password", serve["LoadCredential"].Single());
        Assert.Contains("password_file: /run/credentials/registryguard-serve.service/registry-password", example, StringComparison.Ordinal);
        Assert.Contains("serve --config /etc/registryguard/serve.yml", serve["ExecStart"].Single(), StringComparison.Ordinal);
        foreach (var state in new[] { "backup_dir", "journal_dir", "deep_state" })
        {
            Assert.Matches($@"(?m)^\s+{state}: /var/lib/registryguard/", example);
        }
    }

    private static IEnumerable<string> Units() =>
        Directory.GetFiles(UnitDirectory).Where(f => f.EndsWith(".service", StringComparison.Ordinal) || f.EndsWith(".timer", StringComparison.Ordinal));

    [Fact]
    public void The_units_serve_example_and_docs_name_debian_s_storage_root()
    {
        var example = File.ReadAllText(RepositoryFiles.Path("deploy", "serve.example.yml"));
        var roots = StorageRootPattern().Matches(example).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(roots);
        Assert.All(roots, root => Assert.StartsWith(DebianStorage.Root, root, StringComparison.Ordinal));
        Assert.Equal(DebianStorage.Root, roots[0]);

        var service = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.service"));
        Assert.Contains($"--root {DebianStorage.Root} ", service, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/lib/registry ", service, StringComparison.Ordinal);
        Assert.Contains($"scan --root {DebianStorage.Root} --dry-run", File.ReadAllText(RepositoryFiles.Path("docs", "deploy.md")), StringComparison.Ordinal);
        Assert.Contains($"ROOT={DebianStorage.Root}", File.ReadAllText(RepositoryFiles.Path("docs", "runbook.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_s_docker_registry_package_keeps_its_storage_where_the_units_say()
    {
        // The package scripts/install-deps.sh installs is the one the units are written for.
        var config = File.ReadAllText(DebianStorage.ConfigFile);

        Assert.Matches($@"(?m)^\s+rootdirectory:\s*{Regex.Escape(DebianStorage.Root)}\s*$", config);
        Assert.Contains($"config: {DebianStorage.ConfigFile}", File.ReadAllText(RepositoryFiles.Path("deploy", "serve.example.yml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?m)^\s+storage_root:\s*(\S+)")]
    private static partial Regex StorageRootPattern();

    private static ILookup<string, string> Settings(string unit) =>
        File.ReadAllLines(Path.Combine(UnitDirectory, unit))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0], p => p[1]);
}
