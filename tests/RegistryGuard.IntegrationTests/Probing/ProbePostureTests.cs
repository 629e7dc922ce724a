using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Probing;

/// <summary>
/// Auth posture and the nginx stale-upstream trap (seed 002): a registry answering without credentials, and a
/// catalog that suddenly shrank or came back empty while every request "succeeds".
/// </summary>
[Collection(SecretSweepGroup.Name)]
public sealed class ProbePostureTests
{
    [Fact]
    public async Task Anonymous_registry_with_expect_auth_reports_unauthenticated_access_for_v2_and_catalog()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--expect-auth", "-o", "json");
        var without = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "-o", "json");

        Assert.True(result.ExitCode == 1, result.Combined);
        var findings = JsonReport.Parse(result.StandardOutput).Failures.ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("unauthenticated_access", f.Kind));
        Assert.Contains(findings, f => f.Detail.StartsWith("GET /v2/ answered 200", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Detail.StartsWith("GET /v2/_catalog", StringComparison.Ordinal));
        Assert.Equal(0, without.ExitCode);
    }

    [Fact]
    public async Task Basic_auth_registry_with_expect_auth_is_clean()
    {
        const string user = "prober";
        var password = "posture-" + Guid.NewGuid().ToString("N");
        SecretSweep.AddCredentials(user, password);
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(user, password), new RegistryCredentials(user, password));

        var result = SecretSweep.Record("expect-auth basic probe", await CliRunner.RunAsync(
            ["probe", "--registry", seeded.Url, "--username", user, "--password-stdin", "--expect-auth", "-o", "json"], password, null));

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Empty(JsonReport.Parse(result.StandardOutput).Findings);
    }

    [Fact]
    public async Task Repositories_vanishing_from_disk_are_catalog_shrunk_against_the_state_file_until_they_return()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var state = Path.Combine(seeded.Registry.RootDirectory, "state", "catalog-count");
        string[] probe = ["probe", "--registry", seeded.Url, "--state-file", state, "-o", "json"];

        var first = await CliRunner.RunAsync(probe);
        var repositories = Path.Combine(seeded.Registry.V2Root, "repositories");
        var parked = Path.Combine(seeded.Registry.RootDirectory, "parked");
        Directory.CreateDirectory(parked);
        Directory.Move(Path.Combine(repositories, "team"), Path.Combine(parked, "team"));
        Directory.Move(Path.Combine(repositories, "demo", "app"), Path.Combine(parked, "app"));
        var shrunk = await CliRunner.RunAsync(probe);
        var still = await CliRunner.RunAsync(probe);
        Directory.Move(Path.Combine(parked, "team"), Path.Combine(repositories, "team"));
        Directory.Move(Path.Combine(parked, "app"), Path.Combine(repositories, "demo", "app"));
        var back = await CliRunner.RunAsync(probe);

        Assert.True(first.ExitCode == 0, first.Combined);
        Assert.Equal("3", (await File.ReadAllTextAsync(state)).Trim());
        foreach (var run in new[] { shrunk, still })
        {
            Assert.True(run.ExitCode == 1, run.Combined);
            var finding = Assert.Single(JsonReport.Parse(run.StandardOutput).Failures);
            Assert.Equal("catalog_shrunk", finding.Kind);
            Assert.Contains("shrank from 3 to 1", finding.Detail, StringComparison.Ordinal);
        }

        Assert.True(back.ExitCode == 0, back.Combined);
    }

    [Fact]
    public async Task Stale_upstream_answering_an_empty_catalog_is_catalog_shrunk()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var staleUpstream = await RegistryGuard.Demo.LocalRegistry.StartAsync(); // what nginx forwarded to after the VM moved
        var state = Path.Combine(seeded.Registry.RootDirectory, "catalog-count");

        var healthy = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--state-file", state);
        var stale = await CliRunner.RunAsync("probe", "--registry", staleUpstream.Url.ToString(), "--state-file", state, "-o", "json");

        Assert.True(healthy.ExitCode == 0, healthy.Combined);
        Assert.True(stale.ExitCode == 1, stale.Combined);
        var finding = Assert.Single(JsonReport.Parse(stale.StandardOutput).Failures);
        Assert.Equal("catalog_shrunk", finding.Kind);
        Assert.Contains("came back empty; the last run saw 3", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Min_repositories_is_checked_and_validated()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var enough = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--min-repositories", "3");
        var tooFew = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--min-repositories", "4", "-o", "json");
        var negative = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--min-repositories", "-1");

        Assert.True(enough.ExitCode == 0, enough.Combined);
        Assert.True(tooFew.ExitCode == 1, tooFew.Combined);
        Assert.Equal("catalog_shrunk", Assert.Single(JsonReport.Parse(tooFew.StandardOutput).Failures).Kind);
        Assert.Equal(2, negative.ExitCode);
        Assert.Equal(3, seeded.Content.RepositoryCount);
    }
}
