using RegistryGuard.Probing;

namespace RegistryGuard.Tests.Probing;

/// <summary>`probe --shard I/N` must cover every repository exactly once, the same way on every run and machine.</summary>
public sealed class ShardPartitionTests
{
    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789._-/";

    [Fact]
    public void Every_repository_falls_in_exactly_one_shard_for_every_shard_count_from_1_to_16()
    {
        var random = new Random(20260419); // fixed seed: a failure reproduces
        var names = Enumerable.Range(0, 2000).Select(_ => RandomName(random)).Concat(["a", "infra-ci", "team/app/api", "x/y/z/deeply/nested"]).ToList();

        for (var count = 1; count <= 16; count++)
        {
            var shards = Enumerable.Range(0, count).Select(index => new Shard(index, count)).ToList();
            foreach (var name in names)
            {
                var containing = shards.Where(shard => shard.Contains(name)).ToList();
                Assert.True(containing.Count == 1, $"'{name}' is in {containing.Count} of {count} shards");
                Assert.Equal(Shard.Of(name, count), containing[0].Index);
            }
        }
    }

    [Fact]
    public void Shards_are_not_degenerate_for_many_names()
    {
        var random = new Random(7);
        var names = Enumerable.Range(0, 1600).Select(_ => RandomName(random)).Distinct(StringComparer.Ordinal).ToList();

        foreach (var count in new[] { 2, 4, 8, 16 })
        {
            var sizes = names.GroupBy(name => Shard.Of(name, count)).Select(g => g.Count()).ToList();
            Assert.Equal(count, sizes.Count); // no empty shard
            Assert.True(sizes.Max() < 2.0 * names.Count / count, $"shard sizes for N={count}: {string.Join(',', sizes)}");
        }
    }

    [Fact]
    public void Shard_of_a_name_is_stable_across_processes()
    {
        // Pinned values: a change of the hash would silently move repositories between running shards.
        Assert.Equal(2, Shard.Of("demo/app", 4));
        Assert.Equal(3, Shard.Of("team/api/server", 4));
        Assert.Equal(14, Shard.Of("demo/app", 16));
        Assert.Equal(2, Shard.Of("infra-ci", 3));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("15/16", 15, 16)]
    public void Parse_reads_index_and_count(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("$(JOB_COMPLETION_INDEX)/4")]
    public void Parse_rejects_what_is_not_a_shard(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));

    private static string RandomName(Random random)
    {
        var length = random.Next(1, 40);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[r.Next(NameAlphabet.Length)];
            }
        });
    }
}
