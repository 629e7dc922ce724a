using System.Text.RegularExpressions;
using RegistryGuard.Testing;
using RegistryGuard.Tests.Docs;

namespace RegistryGuard.Tests.Metrics;

/// <summary>
/// Metric names are repeated in the docs, the alert rules, the PrometheusRule and the dashboard: every family the
/// code publishes is documented in docs/metrics.md, and every name written anywhere is one the code publishes.
/// </summary>
public sealed partial class MetricsDocumentationTests
{
    /// <summary>
    /// Words that look like metric names and are not: a /status result, the Woodpecker secrets' names, and the
    /// placeholder family in metrics.md's "adding a family" example.
    /// </summary>
    private static readonly HashSet<string> NotMetrics = new(StringComparer.Ordinal)
    {
        "registry_unavailable", "registry_username", "registry_password", "registryguard_x_run_success", "registryguard_x_findings",
    };

    [Fact]
    public void Every_family_the_code_publishes_is_documented_in_metrics_md()
    {
        var documented = NamesIn(RepositoryFiles.Read("docs", "metrics.md"));

        Assert.Empty(CodeNames().Except(documented));
    }

    [Fact]
    public void Every_metric_name_in_the_docs_and_deployment_files_is_one_the_code_publishes()
    {
        var code = CodeNames();
        var files = new[] { RepositoryFiles.Path("README.md") }
            .Concat(Directory.GetFiles(RepositoryFiles.Path("docs"), "*.md"))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("deploy"), "*.*", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(RepositoryFiles.Path("k8s"), "*.*", SearchOption.AllDirectories));

        var unknown = files.SelectMany(file => NamesIn(File.ReadAllText(file)).Except(code).Select(name => $"{Path.GetRelativePath(RepositoryFiles.Root, file)}: {name}"));

        Assert.Empty(unknown);
    }

    [Fact]
    public void The_code_publishes_the_families_this_test_expects_to_find()
    {
        Assert.Contains("registry_manifest_integrity_failures", CodeNames());
        Assert.Contains("registryguard_scan_findings", CodeNames());
        Assert.Contains("registryguard_scheduler_runs_total", CodeNames());
    }

    /// <summary>The string literals naming a family in Metrics/ (every run's families and serve's own /metrics).</summary>
    private static HashSet<string> CodeNames()
    {
        var sources = Directory.GetFiles(RepositoryFiles.Path("src", "RegistryGuard.Core", "Metrics"), "*.cs", SearchOption.AllDirectories);
        return [.. sources.SelectMany(file => Literal().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))];
    }

    private static HashSet<string> NamesIn(string text) =>
        [.. Name().Matches(text).Select(m => m.Value).Where(name => !NotMetrics.Contains(name))];

    [GeneratedRegex(@"""((?:registry|registryguard)_[a-z][a-z0-9_]*[a-z0-9])""")]
    private static partial Regex Literal();

    /// <summary>A whole name: not a prefix such as <c>registryguard_scan_*</c>.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_.-])(?:registry|registryguard)_[a-z][a-z0-9_]*[a-z0-9](?![A-Za-z0-9_*])")]
    private static partial Regex Name();
}
