using System.Text.RegularExpressions;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Testing;
using static RegistryGuard.IntegrationTests.Deploy.YamlFiles;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The alert rules, checked and unit-tested by the real promtool, and kept identical in the PrometheusRule.</summary>
public sealed partial class AlertRuleTests
{
    private static readonly string RulesFile = RepositoryFiles.Path("deploy", "alerts", "registryguard.rules.yml");

    private static readonly string[] ShippedAlerts =
    [
        "RegistryManifestIntegrityFailure", "RegistryImageSignatureFailure", "RegistryIntegrityProbeStale", "RegistryCatalogInaccessible",
        "RegistryPullThroughUpstreamUnreachable", "RegistryStorageScanFailure", "RegistryStorageScanUnsuccessful", "RegistryStorageScanStale",
    ];

    [Fact]
    public async Task Promtool_checks_the_rules()
    {
        var result = await Promtool("check", "rules", RulesFile);

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Contains($"SUCCESS: {ShippedAlerts.Length} rules found", result.Combined, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Promtool_unit_tests_pass_for_every_alert_firing_and_quiet_with_shards()
    {
        var testFiles = Directory.GetFiles(RepositoryFiles.Path("deploy", "alerts", "tests"), "*.yml");
        Assert.NotEmpty(testFiles);

        var result = await Promtool(["test", "rules", .. testFiles]);

        Assert.True(result.ExitCode == 0, result.Combined);
        // Each alert is tested both firing and quiet.
        var tests = string.Concat(testFiles.Select(File.ReadAllText));
        foreach (var alert in ShippedAlerts)
        {
            Assert.Matches($@"alertname: {alert}\s+exp_alerts: \[\]", tests);
            Assert.Matches($@"alertname: {alert}\s+exp_alerts:\s+- exp_labels:", tests);
        }
    }

    [Fact]
    public void The_alerts_have_hold_times_severities_and_runbook_links()
    {
        var rules = Rules(LoadSingle(RulesFile));

        Assert.Equal(ShippedAlerts, rules.Select(r => Text(r, "alert")));
        var runbook = File.ReadAllText(RepositoryFiles.Path("docs", "runbook.md"));
        foreach (var rule in rules)
        {
            Assert.Matches(@"^\d+m$", Text(rule, "for"));
            Assert.Contains(Text(rule, "labels", "severity"), new[] { "critical", "warning" });
            Assert.NotEmpty(Text(rule, "annotations", "summary"));
            Assert.NotEmpty(Text(rule, "annotations", "description"));
            var url = Text(rule, "annotations", "runbook_url");
            Assert.Matches("/docs/runbook.md#[a-z0-9-_]+$", url);
            Assert.Contains(url[(url.IndexOf('#', StringComparison.Ordinal) + 1)..], RunbookAnchors(runbook));
        }
    }

    [Fact]
    public void PrometheusRule_embeds_exactly_the_rule_file_groups()
    {
        var rule = LoadSingle(RepositoryFiles.Path("k8s", "prometheusrule.yaml"));

        Assert.Equal("PrometheusRule", Text(rule, "kind"));
        Assert.True(
            DeepEquals(At(LoadSingle(RulesFile), "groups"), At(rule, "spec", "groups")),
            "k8s/prometheusrule.yaml differs from deploy/alerts/registryguard.rules.yml: run scripts/sync-prometheusrule.sh");
    }

    [Fact]
    public void The_alert_table_in_metrics_md_is_the_shipped_rules()
    {
        var shipped = Rules(LoadSingle(RulesFile)).Select(rule =>
            $"{Text(rule, "alert")} | {string.Join(", ", Families(Text(rule, "expr")))} | {Text(rule, "for")} | {Text(rule, "labels", "severity")}");

        var documented = File.ReadAllLines(RepositoryFiles.Path("docs", "metrics.md"))
            .Where(line => line.StartsWith("| `Registry", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
            .Select(cells => $"{cells[0].Trim('`')} | {string.Join(", ", Families(cells[1]))} | {cells[3]} | {cells[4]}");

        Assert.Equal(shipped, documented);
    }

    /// <summary>The metric names an expression (or a table cell) reads, sorted.</summary>
    private static IEnumerable<string> Families(string text) =>
        FamilyPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    internal static IReadOnlyCollection<string> RunbookAnchors(string markdown) =>
        HeadingPattern().Matches(markdown).Select(m => Anchor(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The anchor GitHub-style renderers give a heading: lower case, punctuation dropped, spaces to dashes.</summary>
    private static string Anchor(string heading) =>
        string.Concat(heading.Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or ' ')).Replace(' ', '-');

    private static IList<object?> Rules(object? file) => List(At(file, "groups", 0, "rules"));

    private static Task<ProcessResult> Promtool(params string[] arguments) =>
        ProcessRunner.RunAsync(RequiredTool.Path("promtool"), arguments, TimeSpan.FromMinutes(2), CancellationToken.None);

    [GeneratedRegex(@"\b(?:registry_|registryguard_|push_time_seconds)[a-z0-9_]*\b")]
    private static partial Regex FamilyPattern();

    [GeneratedRegex(@"^#{1,6} (.+)$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();
}
