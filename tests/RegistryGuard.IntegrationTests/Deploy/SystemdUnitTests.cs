using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The systemd units, checked by systemd itself and for the hardening that matters on the registry VM.</summary>
public sealed partial class SystemdUnitTests
{
    private static readonly string UnitDirectory = RepositoryRoot.File("deploy", "systemd");

    [Fact]
    public async Task Systemd_analyze_verify_accepts_the_units_without_a_warning()
    {
        // verify insists that ExecStart exists: check a copy that runs /bin/true instead of the installed binary.
        var copy = Directory.CreateTempSubdirectory("registryguard-units-").FullName;
        try
        {
            var units = Directory.GetFiles(UnitDirectory).Select(unit =>
            {
                var target = Path.Combine(copy, Path.GetFileName(unit));
                File.WriteAllText(target, File.ReadAllText(unit).Replace("/usr/local/bin/registryguard", "/bin/true", StringComparison.Ordinal));
                return target;
            }).ToList();

            var result = await ProcessRunner.RunAsync(RequiredTool.Path("systemd-analyze"), ["verify", "--man=no", .. units], TimeSpan.FromMinutes(1), CancellationToken.None);

            Assert.True(result.ExitCode == 0 && result.StandardError.Length == 0, result.Combined);
            Assert.Equal(3, units.Count);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void The_scan_unit_runs_unprivileged_and_cannot_write_the_registry_storage()
    {
        var settings = Settings("registryguard-scan.service");

        Assert.Equal("yes", settings["DynamicUser"].Single());
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal(DebianStorage.Root, settings["ReadOnlyPaths"].Single());
        Assert.Empty(settings["ReadWritePaths"]);
        AssertHardened(settings);
    }

    [Fact]
    public void The_serve_unit_runs_as_the_registry_s_user_and_can_change_only_the_storage_and_its_state()
    {
        // serve.example.yml's jobs fix, prune and collect garbage: the storage must be writable, by its owner.
        var settings = Settings("registryguard-serve.service");

        Assert.Equal(DebianStorage.User, settings["User"].Single());
        Assert.Empty(settings["DynamicUser"]);
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal(DebianStorage.Root, settings["ReadWritePaths"].Single());
        Assert.Equal("registryguard", settings["StateDirectory"].Single());
        AssertHardened(settings);
    }

    [Fact]
    public void The_units_serve_example_and_docs_name_debian_s_storage_root()
    {
        var example = File.ReadAllText(RepositoryRoot.File("deploy", "serve.example.yml"));
        var roots = StorageRootPattern().Matches(example).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(roots);
        Assert.All(roots, root => Assert.StartsWith(DebianStorage.Root, root, StringComparison.Ordinal));
        Assert.Equal(DebianStorage.Root, roots[0]);

        var service = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.service"));
        Assert.Contains($"--root {DebianStorage.Root} ", service, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/lib/registry", service, StringComparison.Ordinal);
        Assert.Contains($"scan --root {DebianStorage.Root} --dry-run", File.ReadAllText(RepositoryRoot.File("docs", "deploy.md")), StringComparison.Ordinal);
        Assert.Contains($"ROOT={DebianStorage.Root}", File.ReadAllText(RepositoryRoot.File("docs", "runbook.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Debian_s_docker_registry_package_keeps_its_storage_where_the_units_say()
    {
        // The package scripts/install-deps.sh installs is the one the units are written for.
        var config = File.ReadAllText(DebianStorage.ConfigFile);

        Assert.Matches($@"(?m)^\s+rootdirectory:\s*{Regex.Escape(DebianStorage.Root)}\s*$", config);
        Assert.Contains($"config: {DebianStorage.ConfigFile}", File.ReadAllText(RepositoryRoot.File("deploy", "serve.example.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_timer_runs_the_dry_run_scan_nightly()
    {
        var timer = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.timer"));
        var service = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.service"));

        Assert.Matches(@"(?m)^OnCalendar=\*-\*-\* \d\d:\d\d:\d\d", timer);
        Assert.Contains("Persistent=true", timer, StringComparison.Ordinal);
        Assert.Contains("Unit=registryguard-scan.service", timer, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^ExecStart=\S+/registryguard scan --root {DebianStorage.Root} --dry-run ", service);
        Assert.DoesNotContain("--fix", service.Split('\n').Where(l => l.StartsWith("ExecStart", StringComparison.Ordinal)).Single(), StringComparison.Ordinal);
    }

    private static ILookup<string, string> Settings(string unit) =>
        File.ReadAllLines(Path.Combine(UnitDirectory, unit))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0], p => p[1]);

    private static void AssertHardened(ILookup<string, string> settings)
    {
        Assert.Equal("yes", settings["NoNewPrivileges"].Single());
        Assert.Equal("", settings["CapabilityBoundingSet"].Single());
        Assert.Equal("yes", settings["PrivateTmp"].Single());
        Assert.Equal("yes", settings["ProtectHome"].Single());
    }

    [GeneratedRegex(@"(?m)^\s+storage_root:\s*(\S+)")]
    private static partial Regex StorageRootPattern();
}
