using System.Diagnostics;
using System.Text;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Faults;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;
using RegistryGuard.Reporting;
using RegistryGuard.Telemetry;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>
/// The real registry with <c>auth.token</c> and an in-process token service issuing signed, scoped JWTs:
/// catalog scope, pull scope per repository, insufficient_scope, and tokens expiring mid-run.
/// </summary>
[Collection(SecretSweepGroup.Name)]
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class TokenAuthTests
{
    [Fact]
    public async Task Catalog_and_pull_scopes_give_a_clean_walk_and_auth_is_enforced()
    {
        await using var rig = await TokenRegistry.StartAsync();

        var result = await rig.ProbeAsync(TokenRegistry.Prober, rig.Url, "-o", "json", "--expect-auth");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(rig.Content.Tags.Count, report.SummaryInt("tags"));
        Assert.Equal(rig.Content.BlobCount, report.SummaryInt("blobs"));
        Assert.Contains(rig.Tokens.Requests, r => r.StartsWith("prober registry:catalog:* → 1", StringComparison.Ordinal));
        Assert.Contains(rig.Tokens.Requests, r => r.StartsWith("prober repository:team/api/server:pull → 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_catalog_scope_the_probe_says_so_and_exits_3()
    {
        await using var rig = await TokenRegistry.StartAsync();

        var result = await rig.ProbeAsync(TokenRegistry.NoCatalog, rig.Url);

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("catalog: GET /v2/_catalog: 401", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("insufficient_scope", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("not allowed to read the catalog", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repository_without_pull_scope_is_access_denied_and_the_rest_is_walked()
    {
        await using var rig = await TokenRegistry.StartAsync();

        var result = await rig.ProbeAsync(TokenRegistry.DemoOnly, rig.Url, "-o", "json");

        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        var denied = Assert.Single(report.Failures);
        Assert.Equal(("access_denied", "team/api/server"), (denied.Kind, denied.Repository));
        Assert.Contains("insufficient_scope", denied.Detail, StringComparison.Ordinal);
        var demoTags = rig.Content.Tags.Count(t => t.Repository.StartsWith("demo/", StringComparison.Ordinal));
        Assert.Equal(demoTags, report.SummaryInt("tags"));
    }

    [Fact]
    public async Task Catalog_scope_alone_is_access_denied_everywhere_never_missing()
    {
        await using var rig = await TokenRegistry.StartAsync();

        var result = await rig.ProbeAsync(TokenRegistry.CatalogOnly, rig.Url, "-o", "json");

        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Equal(rig.Content.RepositoryCount, report.Failures.Count());
        Assert.All(report.Failures, f => Assert.Equal("access_denied", f.Kind));
    }

    [Fact]
    public async Task Wrong_password_at_the_token_service_exits_3_without_echoing_it()
    {
        await using var rig = await TokenRegistry.StartAsync();
        var wrong = "wrong-" + rig.Password(TokenRegistry.Prober);
        SecretSweep.AddSecret(wrong);

        var result = SecretSweep.Record("token probe with a wrong password", await CliRunner.RunAsync(
            ["probe", "--registry", rig.Url, "--username", TokenRegistry.Prober, "--password-stdin"], wrong, null));

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("refused the credentials (401)", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_expiring_mid_run_are_fetched_again_on_the_401_and_the_walk_stays_clean()
    {
        await using var rig = await TokenRegistry.StartAsync();

        // The registry accepts a token for 2s while the client is told 300s (a revoked token, a skewed clock);
        // each manifest answer takes 0.5s, one request at a time, so the walk outlives several tokens.
        rig.Tokens.RegistryLifetime = TimeSpan.FromSeconds(2);
        rig.Tokens.AdvertisedSeconds = 300;
        await using var proxy = await FaultProxy.StartAsync(rig.Registry.Url,
            new FaultRule("^GET /v2/.+/manifests/", FaultRate.Always, Faults.Faults.Slow(TimeSpan.FromMilliseconds(500))));

        var result = await rig.ProbeAsync(TokenRegistry.Prober, proxy.Url.ToString(), "-o", "json", "--concurrency", "1");

        Assert.True(result.ExitCode == 0, result.Combined);
        Assert.Empty(JsonReport.Parse(result.StandardOutput).Findings);
        var appTokens = rig.Tokens.Requests.Count(r => r.StartsWith("prober repository:demo/app:pull ", StringComparison.Ordinal));
        Assert.True(appTokens >= 2, $"demo/app pull tokens fetched: {appTokens}; expected a refetch after expiry");
    }

    [Fact]
    public async Task In_process_probe_leaves_no_secret_in_spans_or_reports()
    {
        await using var rig = await TokenRegistry.StartAsync();
        var spans = new StringBuilder();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RegistryGuardTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Append(activity.DisplayName).Append(' ').Append(activity.StatusDescription).AppendLine();
                    foreach (var (key, value) in activity.TagObjects)
                    {
                        spans.Append("  ").Append(key).Append('=').Append(value).AppendLine();
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var options = new RegistryClientOptions(rig.Registry.Url) { Credentials = new RegistryCredentials(TokenRegistry.DemoOnly, rig.Password(TokenRegistry.DemoOnly)) };
        using var client = new RegistryClient(options);

        var report = await new Prober(client, new ProbeOptions { ExpectAuth = true }).ProbeRegistryAsync(CancellationToken.None);

        using var text = new StringWriter();
        using var json = new StringWriter();
        ProbeReportWriter.Write(report, ReportFormat.Text, text);
        ProbeReportWriter.Write(report, ReportFormat.Json, json);
        SecretSweep.Record("in-process spans", spans.ToString());
        SecretSweep.Record("in-process text report", text.ToString());
        SecretSweep.Record("in-process json report", json.ToString());
        Assert.Equal(ExitCodes.Findings, report.ExitCode); // team/api/server is denied
        Assert.Contains("url.full=", spans.ToString(), StringComparison.Ordinal);
        Assert.Contains(report.Findings, f => f.Repository == "team/api/server");
        Assert.DoesNotContain(DemoContent.AppRepository, report.Findings.Select(f => f.Repository));
    }
}
