using System.Net;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Registry;
using RegistryGuard.Registry.Auth;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Registry.Auth;

public sealed class AuthHandlerTests
{
    private static readonly Uri Base = new("https://registry.example/");
    private static readonly RegistryCredentials Credentials = new("ci", "hunter2");
    private static readonly string BasicValue = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ci:hunter2"));

    private static RegistryClient Client(FakeHandler handler, RegistryCredentials? credentials = null) =>
        new(new RegistryClientOptions(Base) { MaxRetries = 0, Credentials = credentials }, handler);

    [Fact]
    public async Task Bearer_flow_fetches_a_token_for_the_challenged_scope_and_reuses_it()
    {
        var handler = new FakeHandler(request =>
        {
            var uri = request.RequestUri!;
            if (uri.Host == "auth.example")
            {
                Assert.Equal(BasicValue, request.Headers.Authorization?.ToString());
                Assert.Contains("scope=repository%3Aapp%3Apull", uri.Query, StringComparison.Ordinal);
                Assert.Contains("service=registry.example", uri.Query, StringComparison.Ordinal);
                return FakeHandler.Json("""{"token":"tok-123","expires_in":300}""");
            }

            if (request.Headers.Authorization?.ToString() == "Bearer tok-123")
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[3]) };
            }

            var challenge = FakeHandler.Status(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate",
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:app:pull\"");
            return challenge;
        });
        using var client = Client(handler, Credentials);

        await client.HeadBlobAsync("app", Digest.Sha256Of([]), CancellationToken.None);
        await client.HeadBlobAsync("app", Digest.Sha256Of([1]), CancellationToken.None);

        Assert.Equal(1, handler.Requests.Count(r => r.Uri.Host == "auth.example"));
        Assert.Equal(2, handler.Requests.Count(r => r.Authorization == "Bearer tok-123"));
    }

    [Fact]
    public async Task Token_service_refusal_is_an_auth_error_without_the_password()
    {
        var handler = new FakeHandler(request =>
        {
            if (request.RequestUri!.Host == "auth.example")
            {
                return FakeHandler.Status(HttpStatusCode.Unauthorized);
            }

            var challenge = FakeHandler.Status(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"https://auth.example/token\",service=\"r\"");
            return challenge;
        });
        using var client = Client(handler, Credentials);

        var ex = await Assert.ThrowsAsync<RegistryAuthException>(() => client.PingAsync(CancellationToken.None));
        Assert.DoesNotContain("hunter2", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Basic_is_answered_once_then_sent_up_front()
    {
        var handler = new FakeHandler(request =>
        {
            if (request.Headers.Authorization?.ToString() == BasicValue)
            {
                return FakeHandler.Json("{}");
            }

            var challenge = FakeHandler.Status(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"registry\"");
            return challenge;
        });
        using var client = Client(handler, Credentials);

        await client.PingAsync(CancellationToken.None);
        await client.PingAsync(CancellationToken.None);

        Assert.Equal(3, handler.Requests.Count); // challenge + answer, then one preemptive request
    }

    [Fact]
    public async Task Wrong_basic_credentials_surface_as_401_not_a_loop()
    {
        var handler = new FakeHandler(_ =>
        {
            var challenge = FakeHandler.Status(HttpStatusCode.Unauthorized);
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"registry\"");
            return challenge;
        });
        using var client = Client(handler, Credentials);

        await Assert.ThrowsAsync<RegistryAuthException>(() => client.PingAsync(CancellationToken.None));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_redirect_to_another_host_does_not_carry_the_credentials()
    {
        var handler = new FakeHandler(request =>
        {
            if (request.RequestUri!.Host == "storage.example")
            {
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
            }

            if (request.Headers.Authorization is null)
            {
                var challenge = FakeHandler.Status(HttpStatusCode.Unauthorized);
                challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Basic realm=\"registry\"");
                return challenge;
            }

            var redirect = FakeHandler.Status(HttpStatusCode.TemporaryRedirect);
            redirect.Headers.Location = new Uri("https://storage.example/bucket/blob?sig=x");
            return redirect;
        });
        using var client = Client(handler, Credentials);

        var hash = await client.HashBlobAsync("app", Digest.Sha256Of([1, 2, 3]), CancellationToken.None);

        Assert.Equal(Digest.Sha256Of([1, 2, 3]), hash.Computed);
        var toStorage = Assert.Single(handler.Requests, r => r.Uri.Host == "storage.example");
        Assert.Null(toStorage.Authorization);
    }
}
