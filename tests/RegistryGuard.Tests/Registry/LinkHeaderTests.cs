using RegistryGuard.Registry;

namespace RegistryGuard.Tests.Registry;

public sealed class LinkHeaderTests
{
    private static readonly Uri Page = new("https://registry.example/v2/_catalog?n=2");

    [Theory]
    [InlineData("</v2/_catalog?last=b&n=2>; rel=\"next\"", "https://registry.example/v2/_catalog?last=b&n=2")]
    [InlineData("<https://other.example/v2/_catalog?last=b>; rel=next", "https://other.example/v2/_catalog?last=b")]
    [InlineData("<?last=b&n=2>; rel=\"next\"", "https://registry.example/v2/_catalog?last=b&n=2")]
    [InlineData("</v2/a?x=1,2>; rel=\"prev\", </v2/_catalog?last=c>; rel=\"next\"", "https://registry.example/v2/_catalog?last=c")]
    [InlineData("</v2/_catalog?last=b>; title=\"x\"; REL=\"first next\"", "https://registry.example/v2/_catalog?last=b")]
    public void Finds_the_next_page_relative_or_absolute(string header, string expected) =>
        Assert.Equal(expected, LinkHeader.NextPage([header], Page)!.ToString());

    [Theory]
    [InlineData("</v2/_catalog?last=b>; rel=\"prev\"")]
    [InlineData("garbage")]
    [InlineData("")]
    public void No_next_page(string header) => Assert.Null(LinkHeader.NextPage([header], Page));
}
