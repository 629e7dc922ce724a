using RegistryGuard.Common;

namespace RegistryGuard.Tests.Common;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("https://registry.example:5000/", "https://registry.example:5000/")]
    [InlineData("https://user:pw-Secret@registry.example:5000/", "https://***@registry.example:5000/")]
    [InlineData("http://user:p@ss/w0rd@127.0.0.1:9091", "http://***@127.0.0.1:9091")]
    [InlineData("user:pw-Secret@registry.example/team/app", "***@registry.example/team/app")]
    [InlineData("registry.example/team/app@sha256:abc", "***@sha256:abc")]
    public void Everything_before_the_last_at_sign_after_the_scheme_is_masked(string text, string redacted) =>
        Assert.Equal(redacted, UrlCredentials.Redact(text));
}
