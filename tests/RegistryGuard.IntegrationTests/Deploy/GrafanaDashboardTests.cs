using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The Grafana dashboard: valid JSON, the panels operators need, and PromQL that promtool accepts.</summary>
public sealed class GrafanaDashboardTests
{
    private static readonly string[] KnownMetrics =
    [
        "registry_manifest_integrity_failures", "registry_catalog_accessible", "registry_integrity_last_success_timestamp_seconds",
        "registry_integrity_run_duration_seconds", "registry_integrity_objects_checked", "registry_integrity_run_success",
        "registryguard_prune_bytes_reclaimable", "registryguard_prune_bytes_reclaimed", "registryguard_prune_tags_pruned",
        "registry_orphaned_signatures",
        "registry_pull_through_upstream_reachable", "registry_pull_through_upstream_unreachable_since_timestamp_seconds",
        "registryguard_scan_findings", "registryguard_scan_last_success_timestamp_seconds",
    ];

    private static readonly JsonDocument Dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("deploy", "grafana", "registryguard.json")));

    [Fact]
    public void Dashboard_has_the_panels_operators_look_at()
    {
        var titles = Panels().Select(p => p.GetProperty("title").GetString()).ToList();

        foreach (var title in new[]
        {
            "Broken references by kind", "Last successful run (age)", "Run duration", "Objects checked", "Pruned bytes", "Images without a valid signature",
            "Pull-through upstream reachable", "Storage scan failures by kind", "Last completed storage scan (age)",
        })
        {
            Assert.Contains(title, titles);
        }
    }

    [Fact]
    public void Every_query_uses_a_known_metric()
    {
        var expressions = Expressions().ToList();

        Assert.NotEmpty(expressions);
        Assert.All(expressions, e => Assert.Contains(KnownMetrics, m => e.Contains(m + "{", StringComparison.Ordinal)));
        Assert.All(KnownMetrics, m => Assert.Contains(expressions, e => e.Contains(m, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Every_query_is_valid_promql()
    {
        // promtool has no query linter; a recording rule per query makes `check rules` parse each one.
        var rules = Path.Combine(Directory.CreateTempSubdirectory("grafana-promql-").FullName, "queries.rules.yml");
        var lines = new List<string> { "groups:", "  - name: dashboard", "    rules:" };
        var index = 0;
        foreach (var expression in Expressions())
        {
            lines.Add($"      - record: dashboard:query_{index++}");
            lines.Add("        expr: " + JsonSerializer.Serialize(expression.Replace("$instance", ".*", StringComparison.Ordinal)));
        }

        await File.WriteAllLinesAsync(rules, lines);
        var result = await ProcessRunner.RunAsync(RequiredTool.Path("promtool"), ["check", "rules", rules], TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(result.ExitCode == 0, result.Combined);
        Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
    }

    private static JsonElement.ArrayEnumerator Panels() => Dashboard.RootElement.GetProperty("panels").EnumerateArray();

    private static IEnumerable<string> Expressions() =>
        Panels().SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!);
}
