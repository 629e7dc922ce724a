using RegistryGuard.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>Zero false alarms: on the healthy corpus every check a pager listens to reports no failure.</summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusHealthTests(CorpusFixture corpus, ITestOutputHelper output)
{
    [Fact]
    public void The_corpus_holds_what_real_registries_hold()
    {
        var census = corpus.Census!;
        output.WriteLine($"built in {corpus.BuildTime.TotalSeconds:0.0}s");
        output.WriteLine(census.ToString());

        Assert.True(census.Repositories >= 100, census.ToString());
        Assert.True(census.MostTagsInOneRepository >= 250, census.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Probe_reports_no_failure(bool deep)
    {
        string[] arguments = ["probe", "--registry", corpus.Registry.Url.ToString(), "--output", "json", .. deep ? new[] { "--deep" } : []];

        var result = await CliRunner.RunAsync(arguments);

        var report = JsonReport.Parse(result.StandardOutput);
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"{finding.Severity} {finding.Kind} {finding.Repository}:{finding.Tag} parent={finding.Parent} digest={finding.Digest} {finding.Detail}");
        }

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(report.Failures);
        Assert.Equal(corpus.Census!.Tags, report.SummaryInt("tags"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Scan_reports_no_failure(bool deep)
    {
        string[] arguments = ["scan", "--root", corpus.Registry.StorageRoot, "--output", "json", .. deep ? new[] { "--deep" } : []];

        var result = await CliRunner.RunAsync(arguments);

        var report = JsonReport.Parse(result.StandardOutput);
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"{finding.Severity} {finding.Kind} {finding.Repository}:{finding.Tag} parent={finding.Parent} digest={finding.Digest} {finding.Detail}");
        }

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Empty(report.Failures);
    }
}
