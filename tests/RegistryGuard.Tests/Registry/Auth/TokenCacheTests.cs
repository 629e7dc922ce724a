using Microsoft.Extensions.Time.Testing;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Tests.Registry.Auth;

public sealed class TokenCacheTests
{
    [Fact]
    public void Tokens_are_per_scope_and_expire_before_the_server_says()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new TokenCache(clock);
        cache.Store("repository:a:pull", "token-a", TimeSpan.FromSeconds(60));

        Assert.True(cache.TryGet("repository:a:pull", out var token));
        Assert.Equal("token-a", token);
        Assert.False(cache.TryGet("repository:b:pull", out _));

        clock.Advance(TimeSpan.FromSeconds(56));
        Assert.False(cache.TryGet("repository:a:pull", out _));
    }

    [Fact]
    public void Very_short_lifetimes_are_still_usable_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new TokenCache(clock);
        cache.Store("s", "t", TimeSpan.FromSeconds(4));

        Assert.True(cache.TryGet("s", out _));
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.False(cache.TryGet("s", out _));
    }

    [Fact]
    public void Invalidate_forgets_a_token()
    {
        var cache = new TokenCache(TimeProvider.System);
        cache.Store("s", "t", TimeSpan.FromMinutes(5));
        cache.Invalidate("s");
        Assert.False(cache.TryGet("s", out _));
    }

    [Theory]
    [InlineData("""{"token":"abc","expires_in":300}""", "abc", 300)]
    [InlineData("""{"access_token":"xyz"}""", "xyz", 60)]
    public void Token_responses_in_both_spellings(string json, string token, int seconds)
    {
        var (parsed, lifetime) = AuthHandler.ParseTokenResponse(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal((token, TimeSpan.FromSeconds(seconds)), (parsed, lifetime));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("not json")]
    public void Token_responses_without_a_token_are_auth_errors(string json) =>
        Assert.Throws<RegistryGuard.Registry.RegistryAuthException>(() => AuthHandler.ParseTokenResponse(System.Text.Encoding.UTF8.GetBytes(json)));
}
