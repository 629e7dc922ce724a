using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>
/// The real CLI probes the real registry through a proxy that injects HTTP faults. Transient faults are retried,
/// lasting ones are <c>unreachable</c> (never <c>missing_*</c>), hostile answers are refused, nothing hangs.
/// </summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ProbeFaultTests
{
    private const string AnyManifest = "^GET /v2/.+/manifests/";
    private const string ToolsManifests = "^GET /v2/demo/tools/manifests/";

    /// <summary>Small --timeout and --retries unless <paramref name="extra"/> sets them: no test waits long for a fault.</summary>
    private static async Task<ProcessResult> ProbeAsync(FaultProxy proxy, params string[] extra)
    {
        var arguments = new List<string> { "probe", "--registry", proxy.Url.ToString(), "-o", "json" };
        foreach (var (option, value) in new[] { ("--timeout", "2"), ("--retries", "2") })
        {
            if (!extra.Contains(option))
            {
                arguments.AddRange([option, value]);
            }
        }

        var result = await CliRunner.RunAsync([.. arguments, .. extra]);
        Assert.Equal(0, proxy.Writes); // read-only whatever the faults: no byte of the registry changed
        return result;
    }

    private static JsonReport Clean(ProcessResult result, SeededRegistry seeded)
    {
        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(seeded.Content.Tags.Count, report.SummaryInt("tags"));
        Assert.Equal(seeded.Content.ManifestCount, report.SummaryInt("manifests"));
        return report;
    }

    /// <summary>Exit 1, findings only for demo/tools and all of <paramref name="kind"/>: nothing reported missing.</summary>
    private static JsonReport OnlyToolsFails(ProcessResult result, string kind)
    {
        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.NotEmpty(report.Failures);
        Assert.All(report.Failures, f => Assert.Equal((kind, "demo/tools"), (f.Kind, f.Repository)));
        Assert.DoesNotContain(report.Findings, f => f.Kind.StartsWith("missing_", StringComparison.Ordinal));
        return report;
    }

    [Fact]
    public async Task Burst_of_5xx_within_the_retry_budget_is_retried_and_the_probe_is_clean()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var burst = new FaultRule(AnyManifest, FaultRate.FirstN(2), Faults.Status(503));
        var alternating = new FaultRule("^(GET|HEAD) /v2/.+/blobs/", FaultRate.EveryNth(2), Faults.Status(502));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, burst, alternating);

        var result = await ProbeAsync(proxy, "--concurrency", "1");

        Clean(result, seeded);
        Assert.Equal(2, burst.Fired);
        Assert.True(alternating.Fired > 0);
    }

    [Fact]
    public async Task Lasting_5xx_is_unreachable_never_missing_and_the_rest_is_walked()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule(ToolsManifests, FaultRate.Always, Faults.Status(503)));

        var result = await ProbeAsync(proxy);

        var report = OnlyToolsFails(result, "unreachable");
        Assert.Contains("503", report.Failures.First().Detail, StringComparison.Ordinal);
        Assert.Equal(seeded.Content.Tags.Count, report.SummaryInt("tags"));
    }

    [Fact]
    public async Task Rate_limit_429_with_Retry_After_is_honoured_then_clean()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var limit = new FaultRule(AnyManifest, FaultRate.FirstN(2), Faults.Status(429, retryAfter: "1"));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, limit);

        var result = await ProbeAsync(proxy, "--concurrency", "1");

        Clean(result, seeded);
        Assert.Equal(2, limit.Fired);
    }

    [Fact]
    public async Task Lasting_429_is_unreachable_never_missing()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule(ToolsManifests, FaultRate.Always, Faults.Status(429, retryAfter: "1")));

        var result = await ProbeAsync(proxy, "--retries", "1");

        OnlyToolsFails(result, "unreachable");
    }

    [Fact]
    public async Task Answers_slower_than_the_timeout_are_unreachable_within_the_deadline()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var slow = new FaultRule(ToolsManifests, FaultRate.Always, Faults.Slow(TimeSpan.FromMinutes(10)));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, slow);

        // CliRunner gives up after 3 minutes: a hang fails the test instead of blocking the suite.
        var result = await ProbeAsync(proxy, "--timeout", "1", "--retries", "1");

        var report = OnlyToolsFails(result, "unreachable");
        Assert.Contains("no answer within 1s", report.Failures.First().Detail, StringComparison.Ordinal);
        Assert.Equal(2, slow.Fired); // one attempt and one retry
    }

    [Fact]
    public async Task Connection_reset_mid_body_is_retried_once_and_unreachable_when_it_lasts()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var once = new FaultRule("^GET /v2/demo/app/manifests/", FaultRate.FirstN(1), Faults.ResetMidBody());
        var always = new FaultRule(ToolsManifests, FaultRate.Always, Faults.ResetMidBody());
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, once, always);

        var result = await ProbeAsync(proxy);

        var report = OnlyToolsFails(result, "unreachable");
        Assert.Equal(1, once.Fired);
        Assert.Equal(3, always.Fired); // tools has one tag: 1 attempt + 2 retries
        Assert.Equal(seeded.Content.ManifestCount - 1, report.SummaryInt("manifests")); // all but the one never received whole
    }

    [Fact]
    public async Task Body_shorter_than_Content_Length_is_retried_and_unreachable_when_it_lasts()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var once = new FaultRule("^GET /v2/demo/app/manifests/", FaultRate.FirstN(1), Faults.ShortBody());
        var always = new FaultRule(ToolsManifests, FaultRate.Always, Faults.ShortBody());
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, once, always);

        var result = await ProbeAsync(proxy);

        OnlyToolsFails(result, "unreachable");
        Assert.Equal(1, once.Fired);
    }

    [Fact]
    public async Task Wrong_Docker_Content_Digest_is_a_digest_mismatch()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule(ToolsManifests, FaultRate.Always, Faults.WrongDigest()));

        var result = await ProbeAsync(proxy);

        var report = OnlyToolsFails(result, "digest_mismatch");
        Assert.Contains("sha256:" + new string('0', 64), report.Failures.First().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_catalog_JSON_is_a_clear_exit_3()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url,
            new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.ReplaceBody("{\"repositories\": [\"demo/app\", ")));

        var result = await ProbeAsync(proxy);

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("malformed JSON", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_tag_list_and_manifest_JSON_are_findings_for_their_repository_only()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url,
            new FaultRule("^GET /v2/demo/tools/tags/list", FaultRate.Always, Faults.ReplaceBody("{\"name\":\"demo/tools\",\"tags\":{")),
            new FaultRule("^GET /v2/team/api/server/manifests/", FaultRate.Always, Faults.ReplaceBody("{\"schemaVersion\":2,\"manifests\":[")));

        var result = await ProbeAsync(proxy);

        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Equal(
            [("team/api/server", "unreadable_manifest"), ("demo/tools", "unreachable")],
            report.Failures.Select(f => (f.Repository, f.Kind)).Distinct().OrderByDescending(p => p.Repository, StringComparer.Ordinal));
        Assert.Contains("malformed JSON", report.Failures.Single(f => f.Repository == "demo/tools").Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Failures, f => f.Repository == DemoContent.AppRepository);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Ten_MiB_manifest_is_refused_above_the_4_MiB_limit_without_reading_it_all(bool announceLength)
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url,
            new FaultRule(ToolsManifests, FaultRate.Always, Faults.HugeManifest(10 * 1024 * 1024, announceLength)));

        var result = await ProbeAsync(proxy);

        var report = OnlyToolsFails(result, "unreadable_manifest");
        var detail = report.Failures.Single().Detail;
        Assert.Contains("4194304-byte limit", detail, StringComparison.Ordinal);
        if (announceLength)
        {
            Assert.Contains("manifest is 10485760 bytes", detail, StringComparison.Ordinal); // refused on the header, body never read
        }

        // How much of an unannounced body the client reads before refusing is proven in-process: RegistryClientLimitTests.
    }

    [Fact]
    public async Task Catalog_Link_header_looping_back_is_detected_and_exit_3()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var loop = new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.LinkLoop("{\"repositories\":[\"loop/second-page\"]}"));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, loop);

        var result = await ProbeAsync(proxy);

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("catalog: the Link header of /v2/_catalog loops back to a page already read", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, loop.Fired);
    }

    [Fact]
    public async Task Tag_list_Link_header_looping_back_is_a_finding_for_that_repository()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, new FaultRule("^GET /v2/demo/tools/tags/list", FaultRate.Always, Faults.LinkLoop()));

        var result = await ProbeAsync(proxy);

        // Page 2 repeats page 1's names, so the loop is caught there, before the URL repeats.
        var report = OnlyToolsFails(result, "unreachable");
        Assert.Contains("Link header of /v2/demo/tools/tags/list leads to a page listing only names already read", report.Failures.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_header_inventing_new_URLs_for_the_same_names_ends_with_exit_3()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var endless = new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.EndlessLinks());
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, endless);

        var result = await ProbeAsync(proxy);

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("leads to a page listing only names already read", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, endless.Fired);
    }

    [Fact]
    public async Task Catalog_of_100000_names_completes_with_exact_count_and_exit_0()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        const int count = 100_000;
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url,
            new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.SyntheticCatalog(count)),
            new FaultRule("^GET /v2/synthetic/r[0-9]*[02468]/tags/list", FaultRate.Always, Faults.Respond(404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}")),
            new FaultRule("^GET /v2/synthetic/.+/tags/list", FaultRate.Always, Faults.Respond(200, "{\"name\":\"x\",\"tags\":[]}")));

        var result = await ProbeAsync(proxy, "--concurrency", "64");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(count, report.SummaryInt("repositories"));
        Assert.Equal(0, report.SummaryInt("tags"));
    }

    [Fact]
    public async Task Real_breakage_is_still_found_exactly_under_transient_faults()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var removed = Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", seeded.Content.AppV1);
        var flaky = new FaultRule("^(GET|HEAD) /v2/.+/(manifests|blobs|tags)/", FaultRate.EveryNth(2), Faults.Status(503));
        var resets = new FaultRule("^GET /v2/.+/manifests/", FaultRate.Probability(0.2, seed: 8), Faults.ResetMidBody());
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, flaky, resets);

        var result = await ProbeAsync(proxy, "--concurrency", "1", "--retries", "4");

        Assert.True(result.ExitCode == 1, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        var shared = seeded.Content.AppV2.Children.Select(c => c.Digest.ToString()).Intersect(removed.Select(d => d.ToString())).ToList();
        var expected = new[] { "1.1", "latest" }
            .SelectMany(tag => shared.Select(digest => ("missing_manifest", DemoContent.AppRepository, tag, seeded.Content.AppV2.Digest.ToString(), digest)))
            .OrderBy(x => x.ToString(), StringComparer.Ordinal);
        var actual = report.Failures.Select(f => (f.Kind, f.Repository, f.Tag!, f.Parent!, f.Digest!)).OrderBy(x => x.ToString(), StringComparer.Ordinal);
        Assert.Equal(expected, actual);
        Assert.True(flaky.Fired > 10 && resets.Fired > 0, $"faults fired: {flaky.Fired} 503s, {resets.Fired} resets");
    }
}
