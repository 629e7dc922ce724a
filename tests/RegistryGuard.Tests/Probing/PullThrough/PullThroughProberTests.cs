using System.Globalization;
using System.Net;
using RegistryGuard.Findings;
using RegistryGuard.Probing;
using RegistryGuard.Probing.PullThrough;
using RegistryGuard.Registry;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Probing.PullThrough;

/// <summary>What the probe sends into a pull-through cache (the real cache's side is in the integration tests).</summary>
public sealed class PullThroughProberTests : IDisposable
{
    private const string Refused = """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"Op":"Get","URL":"https://registry-1.docker.io/v2/","Err":{"Op":"dial","Net":"tcp","Err":{"Syscall":"connect","Err":111}}}}]}""";
    private static readonly string CanaryPath = $"/v2/dockerhub/library/nginx/blobs/{UpstreamChecks.Canary}";
    private readonly string _directory = Directory.CreateTempSubdirectory("pull-through-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (Prober Prober, FakeHandler Handler) ProberFor(HttpResponseMessage canary, ProbeOptions options, TimeSpan? timeout = null, string? hangOn = null)
    {
        var image = """{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}""";
        var handler = new FakeHandler(request => request.RequestUri!.PathAndQuery switch
        {
            "/v2/" => FakeHandler.Json("{}"),
            "/v2/_catalog?n=1000" => FakeHandler.Json("""{"repositories":["dockerhub/library/nginx","dockerhub/library/alpine","private/app"]}"""),
            "/v2/private/app/tags/list?n=1000" => FakeHandler.Json("""{"tags":["1"]}"""),
            "/v2/private/app/manifests/1" => FakeHandler.Json(image),
            "/v2/private/app/blobs/sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" => FakeHandler.Json("{}"),
            var path when path == CanaryPath => canary,
            _ => FakeHandler.Json("""{"errors":[{"code":"MANIFEST_UNKNOWN"}]}""", HttpStatusCode.NotFound),
        });
        var clientOptions = new RegistryClientOptions(new Uri("https://r.example/")) { MaxRetries = 2, RequestTimeout = timeout ?? TimeSpan.FromSeconds(30) };
        var client = new RegistryClient(clientOptions, hangOn is null ? handler : new Hang(hangOn, handler));
        return (new Prober(client, options), handler);
    }

    private static ProbeOptions Cache(string? state = null) => new() { Concurrency = 2, Deep = true, PullThrough = [new("dockerhub/**")], UpstreamStateFile = state };

    [Fact]
    public async Task A_cache_is_never_walked_one_request_asks_its_upstream_and_other_repositories_are_walked_as_ever()
    {
        var (prober, handler) = ProberFor(FakeHandler.Json("""{"errors":[{"code":"BLOB_UNKNOWN"}]}""", HttpStatusCode.NotFound), Cache());

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal([$"GET {CanaryPath}"], handler.Requests.Where(r => r.Uri.AbsolutePath.StartsWith("/v2/dockerhub/", StringComparison.Ordinal)).Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.Equal(1, handler.Count("/v2/private/app/manifests/1"));
        var status = Assert.Single(report.Summary.Upstreams);
        Assert.Equal(("dockerhub/**", "dockerhub/library/nginx", UpstreamState.Reachable), (status.Pattern, status.Repository, status.State));
        Assert.Equal((2, 1), (report.Summary.PullThroughRepositories, report.Summary.Repositories));
    }

    [Fact]
    public async Task An_unreachable_upstream_is_one_warning_asked_once_not_retried_and_its_first_seen_time_is_kept()
    {
        var state = Path.Combine(_directory, "upstream.state");
        var earlier = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        await File.WriteAllTextAsync(state, string.Create(CultureInfo.InvariantCulture, $"{earlier.ToUnixTimeSeconds()} dockerhub/**\n"));
        var (prober, handler) = ProberFor(FakeHandler.Json(Refused, HttpStatusCode.InternalServerError), Cache(state));

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(1, handler.Count(CanaryPath));
        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.UpstreamUnreachable, Severity.Warning), (finding.Kind, finding.Severity));
        Assert.StartsWith("upstream https://registry-1.docker.io (repositories dockerhub/**) unreachable since 2026-11-01T03:00:00Z (first seen by an earlier run)", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(earlier, Assert.Single(report.Summary.Upstreams).Since);
        Assert.Empty(report.Summary.FailuresByKind);
    }

    [Fact]
    public async Task An_upstream_that_answers_again_is_forgotten_by_the_state_file()
    {
        var state = Path.Combine(_directory, "upstream.state");
        await File.WriteAllTextAsync(state, "1790000000 dockerhub/**\n1790000000 ghcr/**\n");
        var (prober, _) = ProberFor(FakeHandler.Json("""{"errors":[{"code":"BLOB_UNKNOWN"}]}""", HttpStatusCode.NotFound), Cache(state));

        await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(["1790000000 ghcr/**"], await File.ReadAllLinesAsync(state)); // a pattern not probed this run keeps its entry
    }

    [Fact]
    public async Task A_cache_that_never_answers_a_request_for_its_upstream_is_an_outage()
    {
        var (prober, _) = ProberFor(FakeHandler.Status(HttpStatusCode.OK), Cache(), TimeSpan.FromMilliseconds(300), hangOn: CanaryPath);

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(0, report.ExitCode);
        var status = Assert.Single(report.Summary.Upstreams);
        Assert.Equal(UpstreamState.Unreachable, status.State);
        Assert.Contains("no answer within 0.3s", status.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(FindingKind.UpstreamUnreachable, Assert.Single(report.Findings).Kind);
    }

    [Fact]
    public async Task A_cache_refusing_the_probe_itself_leaves_the_upstream_unknown_with_a_warning_and_no_finding()
    {
        var (prober, _) = ProberFor(FakeHandler.Json("""{"errors":[{"code":"DENIED"}]}""", HttpStatusCode.Forbidden), Cache());

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(UpstreamState.Unknown, Assert.Single(report.Summary.Upstreams).State);
        Assert.Empty(report.Findings);
        Assert.Contains(prober.Warnings, w => w.StartsWith("pull-through dockerhub/**: could not check the upstream", StringComparison.Ordinal));
    }

    /// <summary>Never answers requests for <paramref name="path"/>: a cache waiting on an upstream that accepts and stays silent.</summary>
    private sealed class Hang(string path, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == path)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
