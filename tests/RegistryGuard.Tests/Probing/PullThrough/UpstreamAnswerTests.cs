using System.Net;
using System.Text;
using RegistryGuard.Probing.PullThrough;

namespace RegistryGuard.Tests.Probing.PullThrough;

/// <summary>The answers distribution 2.8.2's proxy gave to a GET of a blob that exists nowhere (docs/pull-through.md), and neighbours.</summary>
public sealed class UpstreamAnswerTests
{
    private static UpstreamVerdict Classify(HttpStatusCode status, string body) => UpstreamAnswer.Classify(status, Encoding.UTF8.GetBytes(body));

    private const string Refused = """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"Op":"Get","URL":"http://127.0.0.1:47863/v2/","Err":{"Op":"dial","Net":"tcp","Source":null,"Addr":{"IP":"127.0.0.1","Port":47863,"Zone":""},"Err":{"Syscall":"connect","Err":111}}}}]}""";

    [Fact]
    public void The_upstream_saying_unknown_is_reachable()
    {
        var verdict = Classify(HttpStatusCode.NotFound, """{"errors":[{"code":"BLOB_UNKNOWN","message":"blob unknown to registry","detail":"sha256:38"}]}""");

        Assert.Equal(UpstreamState.Reachable, verdict.State);
    }

    [Fact]
    public void A_refused_connection_names_the_upstream_and_why()
    {
        var verdict = Classify(HttpStatusCode.InternalServerError, Refused);

        Assert.Equal((UpstreamState.Unreachable, "http://127.0.0.1:47863"), (verdict.State, verdict.Upstream));
        Assert.Equal("the cache cannot reach http://127.0.0.1:47863: connection refused", verdict.Reason);
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_is_said_so()
    {
        var verdict = Classify(HttpStatusCode.InternalServerError,
            """{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"Op":"Get","URL":"https://registry-1.docker.io/v2/","Err":{"Op":"dial","Net":"tcp","Source":null,"Addr":null,"Err":{"Err":"no such host","Name":"registry-1.docker.io","Server":"","IsTimeout":false,"IsTemporary":false,"IsNotFound":true}}}}]}""");

        Assert.Equal((UpstreamState.Unreachable, "https://registry-1.docker.io"), (verdict.State, verdict.Upstream));
        Assert.EndsWith("its host name does not resolve", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_the_upstream_url_never_reach_the_report()
    {
        var verdict = Classify(HttpStatusCode.InternalServerError, Refused.Replace("http://127.0.0.1:47863/v2/", "https://robot:s3cret@ghcr.io/v2/", StringComparison.Ordinal));

        Assert.Equal("https://ghcr.io", verdict.Upstream);
        Assert.DoesNotContain("s3cret", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}}]}""", UpstreamState.Reachable)]
    [InlineData("""{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}}]}""", UpstreamState.Reachable)]
    [InlineData("""{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"code":"UNAUTHORIZED","message":"authentication required","detail":""}}]}""", UpstreamState.Unreachable)]
    [InlineData("""{"errors":[{"code":"UNKNOWN","message":"unknown error","detail":{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}}]}""", UpstreamState.Unreachable)]
    public void The_upstreams_own_error_relayed_by_the_cache_says_whether_it_serves_the_cache(string body, UpstreamState expected)
    {
        var verdict = Classify(HttpStatusCode.InternalServerError, body);

        Assert.Equal(expected, verdict.State);
        if (expected == UpstreamState.Unreachable)
        {
            Assert.StartsWith("the upstream refuses the cache: ", verdict.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, UpstreamState.Unreachable)]
    [InlineData(HttpStatusCode.GatewayTimeout, UpstreamState.Unreachable)]
    [InlineData(HttpStatusCode.Unauthorized, UpstreamState.Unknown)]
    [InlineData(HttpStatusCode.Forbidden, UpstreamState.Unknown)]
    [InlineData(HttpStatusCode.TooManyRequests, UpstreamState.Unknown)]
    [InlineData(HttpStatusCode.OK, UpstreamState.Reachable)]
    public void Statuses_that_carry_no_relayed_error_are_judged_by_themselves(HttpStatusCode status, UpstreamState expected)
    {
        Assert.Equal(expected, Classify(status, "").State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    [InlineData("""{"errors":[]}""")]
    [InlineData("""{"errors":[{"code":"UNKNOWN","message":"boom","detail":"disk full"}]}""")]
    public void A_500_that_does_not_explain_itself_means_uncached_content_fails(string body)
    {
        var verdict = Classify(HttpStatusCode.InternalServerError, body);

        Assert.Equal((UpstreamState.Unreachable, null), (verdict.State, verdict.Upstream));
    }
}
