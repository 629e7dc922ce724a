using RegistryGuard.Common;

namespace RegistryGuard.Tests.Common;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("dockerhub/**", "dockerhub/library/nginx", true)]
    [InlineData("dockerhub/*", "dockerhub/library/nginx", false)]
    [InlineData("dockerhub/*", "dockerhub/nginx", true)]
    [InlineData("**", "anything/at/all", true)]
    [InlineData("team-?", "team-a", true)]
    [InlineData("a.b", "axb", false)]
    public void Matches_within_and_across_segments(string pattern, string name, bool match) =>
        Assert.Equal(match, new GlobPattern(pattern).IsMatch(name));
}
