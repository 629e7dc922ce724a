using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Probing;

public sealed class ShardTests
{
    [Fact]
    public void Every_repository_falls_in_exactly_one_shard()
    {
        var random = new Random(1234);
        var names = Enumerable.Range(0, 2000).Select(_ => string.Join('/', Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)('a' + random.Next(26)))])))).ToList();
        for (var count = 1; count <= 16; count++)
        {
            var shards = Enumerable.Range(0, count).Select(i => new Shard(i, count)).ToList();
            Assert.All(names, name => Assert.Equal(1, shards.Count(s => s.Contains(name))));
        }
    }

    [Fact]
    public void The_hash_is_stable_across_processes() => Assert.Equal(Shard.Of("infra-ci", 7), Shard.Of("infra-ci", 7));

    [Theory]
    [InlineData("0/1")]
    [InlineData("3/4")]
    public void Parses_valid_shards(string text) => Assert.Equal(text, Shard.Parse(text).ToString());

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Rejects_invalid_shards(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));
}
