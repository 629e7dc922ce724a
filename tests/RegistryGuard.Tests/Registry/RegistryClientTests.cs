using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Registry;

public sealed class RegistryClientTests
{
    private static readonly Uri Base = new("https://registry.example/");

    private static RegistryClient Client(FakeHandler handler, RegistryCredentials? credentials = null, int retries = 2) =>
        new(new RegistryClientOptions(Base) { MaxRetries = retries, RetryBaseDelay = TimeSpan.FromMilliseconds(1), Credentials = credentials }, handler);

    [Fact]
    public async Task Catalog_follows_relative_link_headers_until_the_last_page()
    {
        var handler = new FakeHandler(request =>
        {
            var query = request.RequestUri!.Query;
            var response = FakeHandler.Json(query.Contains("last=b", StringComparison.Ordinal) ? """{"repositories":["c"]}""" : """{"repositories":["a","b"]}""");
            if (!query.Contains("last=b", StringComparison.Ordinal))
            {
                response.Headers.Add("Link", "</v2/_catalog?last=b&n=2>; rel=\"next\"");
            }

            return response;
        });
        using var client = Client(handler);

        var names = await client.ListRepositoriesAsync(2, CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_link_header_that_loops_is_an_error_not_an_endless_walk()
    {
        var handler = new FakeHandler(_ =>
        {
            var response = FakeHandler.Json("""{"repositories":["a"]}""");
            response.Headers.Add("Link", "</v2/_catalog?n=5>; rel=\"next\"");
            return response;
        });
        using var client = Client(handler);

        var ex = await Assert.ThrowsAsync<RegistryException>(async () => await client.ListRepositoriesAsync(5, CancellationToken.None).ToListAsync());
        Assert.Contains("loops", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_of_a_repository_without_tags_are_empty()
    {
        var handler = new FakeHandler(request => request.RequestUri!.AbsolutePath.Contains("/gone/", StringComparison.Ordinal)
            ? FakeHandler.Json("""{"errors":[{"code":"NAME_UNKNOWN"}]}""", HttpStatusCode.NotFound)
            : FakeHandler.Json("""{"name":"empty","tags":null}"""));
        using var client = Client(handler);

        Assert.Empty(await client.ListTagsAsync("gone", 100, CancellationToken.None).ToListAsync());
        Assert.Empty(await client.ListTagsAsync("empty", 100, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Transient_errors_are_retried_then_succeed()
    {
        var calls = 0;
        var handler = new FakeHandler(_ => ++calls < 3 ? FakeHandler.Status(HttpStatusCode.ServiceUnavailable) : Blob(10));
        using var client = Client(handler);

        var head = await client.HeadBlobAsync("app", Digest.Sha256Of([]), CancellationToken.None);

        Assert.Equal(10, head.ContentLength);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Persistent_5xx_ends_unreachable_after_the_configured_attempts()
    {
        var handler = new FakeHandler(_ => FakeHandler.Status(HttpStatusCode.BadGateway));
        using var client = Client(handler, retries: 3);

        var ex = await Assert.ThrowsAsync<RegistryUnreachableException>(() => client.HeadBlobAsync("app", Digest.Sha256Of([]), CancellationToken.None));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Contains("502", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, typeof(RegistryNotFoundException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(RegistryAuthException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(RegistryException))]
    public async Task Answers_are_not_retried(HttpStatusCode status, Type expected)
    {
        var handler = new FakeHandler(_ => FakeHandler.Json("""{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""", status));
        using var client = Client(handler);

        var ex = await Assert.ThrowsAnyAsync<RegistryException>(() => client.GetManifestAsync("app", "v1", CancellationToken.None));

        Assert.IsType(expected, ex);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Rate_limits_wait_as_asked_and_long_waits_give_up()
    {
        var first = true;
        var handler = new FakeHandler(_ =>
        {
            if (!first)
            {
                return Blob(1);
            }

            first = false;
            var limited = FakeHandler.Status(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero);
            return limited;
        });
        using var client = Client(handler);
        Assert.Equal(1, (await client.HeadBlobAsync("app", Digest.Sha256Of([]), CancellationToken.None)).ContentLength);

        var forever = new FakeHandler(_ =>
        {
            var limited = FakeHandler.Status(HttpStatusCode.TooManyRequests);
            limited.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));
            return limited;
        });
        using var patient = Client(forever);
        await Assert.ThrowsAsync<RegistryUnreachableException>(() => patient.HeadBlobAsync("app", Digest.Sha256Of([]), CancellationToken.None));
        Assert.Single(forever.Requests);
    }

    [Fact]
    public async Task Manifest_reports_header_and_computed_digest_and_refuses_oversized_bodies()
    {
        var body = Encoding.UTF8.GetBytes("""{"schemaVersion":2}""");
        var handler = new FakeHandler(request =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/big", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[5 * 1024 * 1024]) };
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
            response.Headers.Add("Docker-Content-Digest", Digest.Sha256Of([]).ToString());
            return response;
        });
        using var client = Client(handler);

        var manifest = await client.GetManifestAsync("app", "v1", CancellationToken.None);
        Assert.Equal(Digest.Sha256Of(body), manifest.ComputedDigest);
        Assert.Equal(Digest.Sha256Of([]), manifest.HeaderDigest);
        await Assert.ThrowsAsync<ManifestTooLargeException>(() => client.GetManifestAsync("app", "big", CancellationToken.None));
    }

    [Fact]
    public async Task Invalid_names_never_reach_a_url() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Client(new FakeHandler(_ => Blob(1))).GetManifestAsync("../etc", "v1", CancellationToken.None));

    private static HttpResponseMessage Blob(long length)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[length]) };
        return response;
    }
}
