using RegistryGuard.Registry.Auth;

namespace RegistryGuard.Tests.Registry.Auth;

public sealed class AuthChallengeTests
{
    [Fact]
    public void Bearer_challenge_with_quoted_commas_and_escapes()
    {
        var challenge = AuthChallenge.Parse(
            "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\",error=\"insufficient_scope\",note=\"say \\\"hi\\\"\"")!;

        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example/token", challenge.Realm);
        Assert.Equal("registry.example", challenge.Service);
        Assert.Equal("repository:a/b:pull,push", challenge.Scope);
        Assert.Equal("insufficient_scope", challenge.Error);
        Assert.Equal("say \"hi\"", challenge.Parameters["note"]);
    }

    [Fact]
    public void Basic_challenge_and_unquoted_values()
    {
        var challenge = AuthChallenge.Parse("Basic realm=registry")!;
        Assert.True(challenge.IsBasic);
        Assert.Equal("registry", challenge.Realm);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_headers_are_no_challenge(string? header) => Assert.Null(AuthChallenge.Parse(header));

    [Theory]
    [InlineData("GET", "/v2/_catalog", "registry:catalog:*")]
    [InlineData("GET", "/v2/team/app/manifests/latest", "repository:team/app:pull")]
    [InlineData("HEAD", "/v2/team/app/blobs/sha256:ab", "repository:team/app:pull")]
    [InlineData("PUT", "/v2/app/manifests/v1", "repository:app:pull,push")]
    [InlineData("DELETE", "/v2/app/manifests/sha256:ab", "repository:app:delete")]
    [InlineData("GET", "/v2/app/tags/list", "repository:app:pull")]
    [InlineData("GET", "/v2/", null)]
    public void Scope_is_derived_from_the_request(string method, string path, string? scope) =>
        Assert.Equal(scope, AuthScope.For(new HttpMethod(method), new Uri("https://r.example" + path)));
}
