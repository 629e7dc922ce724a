using System.Text.Json;
using System.Text.RegularExpressions;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>
/// Repository and tag names built to climb out of <c>/v2/&lt;name&gt;/</c>: from a hostile catalog or tag list, and
/// from the command line. HttpClient normalises "..", so a name must be refused before any URI is built; the proxy
/// records every request target exactly as it arrived.
/// </summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed partial class HostileNameTests
{
    private static readonly string[] HostileRepositories = ["..", "../../etc", "a/../b", "%2e%2e", "%2E%2E/x", "demo/..", "a..b", "x/..y", "bell\u0007name", "esc\u001b[31mred"];
    private static readonly string[] HostileTags = ["..", "../../etc", "a/../b", "%2e%2e", "bell\u0007"];

    [Fact]
    public async Task Catalog_and_tag_list_names_with_dot_dot_are_invalid_name_and_nothing_is_requested_outside_valid_names()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var real = seeded.Content.Tags.Select(t => t.Repository).Distinct().Order(StringComparer.Ordinal).ToList();
        var catalog = JsonSerializer.Serialize(new { repositories = HostileRepositories.Concat(real) });
        var tags = JsonSerializer.Serialize(new { name = "demo/tools", tags = HostileTags.Prepend("stable") });
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url,
            new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.ReplaceBody(catalog)),
            new FaultRule("^GET /v2/demo/tools/tags/list", FaultRate.Always, Faults.ReplaceBody(tags)));

        var probe = await CliRunner.RunAsync("probe", "--registry", proxy.Url.ToString(), "--output", "json");
        var probeText = await CliRunner.RunAsync("probe", "--registry", proxy.Url.ToString());
        var prune = await CliRunner.RunAsync("prune", "--registry", proxy.Url.ToString(), "--keep", "10", "--output", "json");
        var pruneText = await CliRunner.RunAsync("prune", "--registry", proxy.Url.ToString(), "--keep", "10");

        Assert.True(probe.ExitCode == 1, probe.Combined);
        var report = JsonReport.Parse(probe.StandardOutput);
        Assert.All(report.Findings, f => Assert.Equal("invalid_name", f.Kind));
        Assert.Equal(HostileRepositories.Select(Printable).Order(StringComparer.Ordinal),
            report.Findings.Where(f => f.Tag is null).Select(f => f.Repository).Order(StringComparer.Ordinal));
        Assert.Equal(HostileTags.Select(Printable).Order(StringComparer.Ordinal),
            report.Findings.Where(f => f.Tag is not null).Select(f => f.Tag!).Order(StringComparer.Ordinal));
        Assert.Contains("/v2/demo/tools/manifests/stable", proxy.RawTargets); // the valid names are still walked
        Assert.True(prune.ExitCode == 0, prune.Combined);
        using var pruneJson = JsonDocument.Parse(prune.StandardOutput);
        var warnings = pruneJson.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Equal(HostileRepositories.Length, warnings.Count(w => w.Contains("not a valid repository name", StringComparison.Ordinal)));
        foreach (var output in new[] { probe, probeText, prune, pruneText })
        {
            Assert.DoesNotContain(output.Combined, c => char.IsControl(c) && c is not ('\n' or '\r'));
        }

        Assert.NotEmpty(proxy.RawTargets);
        Assert.Equal(0, proxy.Writes);
        foreach (var target in proxy.RawTargets)
        {
            var match = AllowedTarget().Match(target);
            Assert.True(match.Success, target);
            Assert.True(!match.Groups["name"].Success || RepositoryName.IsValid(match.Groups["name"].Value), target);
            Assert.DoesNotContain("..", target, StringComparison.Ordinal);
            Assert.DoesNotContain("%2e", target, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Dot_dot_in_command_line_references_and_prune_patterns_is_a_usage_error_before_any_request()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url);
        var config = Path.Combine(seeded.Registry.RootDirectory, "prune.yaml");
        await File.WriteAllTextAsync(config, "repositories:\n  - match: \"../../etc/**\"\n    keep: 1\n");
        var host = proxy.HostPort;

        string[][] commands =
        [
            ["verify", "--plain-http", $"{host}/../x:tag"],
            ["verify", "--plain-http", $"{host}/a/../b:tag"],
            ["verify", "--plain-http", $"{host}/%2e%2e/x:tag"],
            ["verify", "--plain-http", $"{host}/demo/..:tag"],
            ["verify", "--plain-http", $"{host}/demo/app:.."],
            ["prune", "--registry", proxy.Url.ToString(), "--include", "../**"],
            ["prune", "--registry", proxy.Url.ToString(), "--exclude", "demo/../../etc"],
            ["prune", "--registry", proxy.Url.ToString(), "--config", config],
            ["prune", "--root", seeded.Registry.StorageRoot, "--config", config],
        ];
        foreach (var command in commands)
        {
            var result = await CliRunner.RunAsync(command);
            Assert.True(result.ExitCode == 2, string.Join(' ', command) + "\n" + result.Combined);
            Assert.DoesNotContain("Unhandled", result.StandardError, StringComparison.Ordinal);
        }

        Assert.Empty(proxy.RawTargets);
    }

    private static string Printable(string name) => RegistryGuard.Storage.StorageNames.Printable(name);

    [GeneratedRegex(@"^/v2/(?:_catalog)?(?:\?[^/]*)?$|^/v2/(?<name>[a-z0-9._/-]+)/(?:tags/list|manifests/[A-Za-z0-9_.:-]+|blobs/sha256:[0-9a-f]{64})(?:\?[^/]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AllowedTarget();
}
