using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The systemd units, checked by systemd itself and for the hardening that matters on the registry VM.</summary>
public sealed class SystemdUnitTests
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

    [Theory]
    [InlineData("registryguard-scan.service")]
    [InlineData("registryguard-serve.service")]
    public void Units_run_unprivileged_and_cannot_write_the_registry_storage(string unit)
    {
        var settings = File.ReadAllLines(Path.Combine(UnitDirectory, unit))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToLookup(p => p[0], p => p[1]);

        Assert.Equal("yes", settings["DynamicUser"].Single());
        Assert.Equal("strict", settings["ProtectSystem"].Single());
        Assert.Equal("/var/lib/registry", settings["ReadOnlyPaths"].Single());
        Assert.Equal("yes", settings["NoNewPrivileges"].Single());
        Assert.Equal("", settings["CapabilityBoundingSet"].Single());
        Assert.Equal("yes", settings["PrivateTmp"].Single());
    }

    [Fact]
    public void Scan_timer_runs_the_dry_run_scan_nightly()
    {
        var timer = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.timer"));
        var service = File.ReadAllText(Path.Combine(UnitDirectory, "registryguard-scan.service"));

        Assert.Matches(@"(?m)^OnCalendar=\*-\*-\* \d\d:\d\d:\d\d", timer);
        Assert.Contains("Persistent=true", timer, StringComparison.Ordinal);
        Assert.Contains("Unit=registryguard-scan.service", timer, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^ExecStart=\S+/registryguard scan --root /var/lib/registry --dry-run ", service);
        Assert.DoesNotContain("--fix", service.Split('\n').Where(l => l.StartsWith("ExecStart", StringComparison.Ordinal)).Single(), StringComparison.Ordinal);
    }
}
