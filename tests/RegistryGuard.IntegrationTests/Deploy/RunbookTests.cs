using System.Text.RegularExpressions;
using RegistryGuard.Findings;
using RegistryGuard.Testing;

namespace RegistryGuard.IntegrationTests.Deploy;

/// <summary>The runbook covers every finding kind and every alert, and every link into it lands on a heading.</summary>
public sealed partial class RunbookTests
{
    private static readonly string Runbook = File.ReadAllText(RepositoryFiles.Path("docs", "runbook.md"));

    [Fact]
    public void Every_finding_kind_has_its_own_section()
    {
        var anchors = AlertRuleTests.RunbookAnchors(Runbook);

        var missing = FindingKinds.All.Select(kind => kind.WireName()).Where(name => !anchors.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "no runbook section for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_section_of_a_finding_or_alert_says_symptom_cause_how_to_show_it_and_the_fix()
    {
        var sections = Runbook.Split("\n### ").Skip(1).ToList();
        Assert.True(sections.Count >= FindingKinds.All.Count + 3);

        foreach (var section in sections)
        {
            foreach (var part in new[] { "**Symptom", "**Likely cause**", "**Show it**", "**Fix**" })
            {
                Assert.True(section.Contains(part, StringComparison.Ordinal), $"section '{section.Split('\n')[0]}' lacks {part}");
            }
        }
    }

    [Fact]
    public void Every_link_into_the_runbook_from_the_repository_lands_on_a_heading()
    {
        var anchors = AlertRuleTests.RunbookAnchors(Runbook);
        var files = new[] { "k8s", "deploy", "docs" }
            .SelectMany(dir => Directory.EnumerateFiles(RepositoryFiles.Path(dir), "*", SearchOption.AllDirectories));

        var links = files.SelectMany(file => RunbookLink().Matches(File.ReadAllText(file)).Select(m => (file, anchor: m.Groups[1].Value)))
            .Concat(InternalLink().Matches(Runbook).Select(m => (file: "docs/runbook.md", anchor: m.Groups[1].Value)))
            .ToList();

        Assert.True(links.Count >= 10, $"only {links.Count} runbook links found");
        Assert.All(links, link => Assert.True(anchors.Contains(link.anchor), $"{link.file}: #{link.anchor} is not a runbook heading"));
    }

    [Fact]
    public void The_post_mortem_incident_is_walked_through_from_detection_to_prevention()
    {
        var incident = Runbook[Runbook.IndexOf("## The 2026-04-19 incident", StringComparison.Ordinal)..];

        foreach (var step in new[] { "registryguard probe", "scan --root $ROOT --dry-run", "scan --root $ROOT --fix", "registryguard undo --journal", "registryguard verify", "skopeo copy", "registryguard prune", "never `--delete-untagged`" })
        {
            Assert.Contains(step, incident, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"runbook\.md#([a-z0-9_-]+)")]
    private static partial Regex RunbookLink();

    [GeneratedRegex(@"\]\(#([a-z0-9_-]+)\)")]
    private static partial Regex InternalLink();
}
