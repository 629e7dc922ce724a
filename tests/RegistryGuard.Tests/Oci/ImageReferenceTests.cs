using RegistryGuard.Oci;

namespace RegistryGuard.Tests.Oci;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("registry.example:5050/infra-ci:latest", false, "https://registry.example:5050/", "infra-ci", "latest")]
    [InlineData("registry.example/team/app/api", false, "https://registry.example/", "team/app/api", "latest")]
    [InlineData("127.0.0.1:5000/demo/app:1.1", true, "http://127.0.0.1:5000/", "demo/app", "1.1")]
    [InlineData("http://127.0.0.1:5000/demo/app@sha256:1111111111111111111111111111111111111111111111111111111111111111", false,
        "http://127.0.0.1:5000/", "demo/app", "sha256:1111111111111111111111111111111111111111111111111111111111111111")]
    public void Parses_host_repository_and_reference(string text, bool plainHttp, string registry, string repository, string reference)
    {
        var parsed = ImageReference.Parse(text, plainHttp);
        Assert.Equal((registry, repository, reference), (parsed.Registry.ToString(), parsed.Repository, parsed.Reference));
    }

    [Theory]
    [InlineData("infra-ci:latest")]
    [InlineData("host/UPPER:tag")]
    [InlineData("host/app:bad tag")]
    [InlineData("host/app@sha256:short")]
    [InlineData("host/../etc:tag")]
    public void Rejects_what_is_not_a_reference(string text) => Assert.Throws<FormatException>(() => ImageReference.Parse(text));

    [Theory]
    [InlineData("user:pw-Secret@127.0.0.1:5000/demo/app:1.1")]
    [InlineData("https://user:pw-Secret@registry.example/demo/app@sha256:1111111111111111111111111111111111111111111111111111111111111111")]
    [InlineData("user:pw-Secret@registry.example")]
    public void Credentials_in_the_host_are_refused_without_echoing_them(string text)
    {
        var refused = Assert.Throws<FormatException>(() => ImageReference.Parse(text));
        Assert.DoesNotContain("pw-Secret", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team/app/api", true)]
    [InlineData("a__b", true)]
    [InlineData("a---b", true)]
    [InlineData("../x", false)]
    [InlineData("x/../y", false)]
    [InlineData("Upper", false)]
    [InlineData("x/", false)]
    [InlineData("x\ny", false)]
    public void Repository_grammar(string name, bool valid) => Assert.Equal(valid, RepositoryName.IsValid(name));
}
