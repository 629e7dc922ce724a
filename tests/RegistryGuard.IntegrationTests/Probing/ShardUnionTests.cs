using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Probing;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Probing;

/// <summary>The sharded CronJob sees exactly what one unsharded probe sees: the shards' findings add up to the whole.</summary>
public sealed class ShardUnionTests
{
    private const int Shards = 3;

    [Fact]
    public async Task Union_of_shard_findings_equals_an_unsharded_probe_of_the_same_broken_registry()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var content = seeded.Content;
        using (var client = new RegistryClient(new RegistryClientOptions(seeded.Registry.Url)))
        {
            // More repositories, so every shard has work; a few of them broken below.
            for (var i = 0; i < 9; i++)
            {
                await ImagePusher.PushAsync(client, $"fleet/service-{i}", "v1", i % 2 == 0 ? content.Tools : content.AppV2, CancellationToken.None);
            }
        }

        Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", content.AppV1);
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, "fleet/service-1", content.AppV2);
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, "fleet/service-5", content.AppV2);
        Breakage.TruncateBlob(seeded.Registry.V2Root, content.Tools.Blobs[^1].Digest); // shared by demo/tools and the even services

        var whole = await ProbeAsync(seeded.Url);
        var shards = new List<JsonReport>();
        for (var index = 0; index < Shards; index++)
        {
            shards.Add(await ProbeAsync(seeded.Url, "--shard", $"{index}/{Shards}"));
        }

        Assert.True(whole.Failures.Count() > 10, $"the breakage should show: {whole.Failures.Count()} failures");
        Assert.Equal(Keys(whole.Findings), shards.SelectMany(s => Keys(s.Findings)).Order(StringComparer.Ordinal));
        Assert.Equal(whole.SummaryInt("repositories"), shards.Sum(s => s.SummaryInt("repositories")));
        Assert.Equal(whole.SummaryInt("tags"), shards.Sum(s => s.SummaryInt("tags")));
        Assert.True(shards.Count(s => s.Failures.Any()) >= 2, "the breakage should span shards");
        for (var index = 0; index < Shards; index++)
        {
            Assert.True(shards[index].SummaryInt("repositories") > 0, $"shard {index} is empty");
            Assert.All(shards[index].Findings, f => Assert.Equal(index, Shard.Of(f.Repository, Shards)));
        }
    }

    private static async Task<JsonReport> ProbeAsync(string url, params string[] extra)
    {
        var result = await CliRunner.RunAsync(["probe", "--registry", url, "--output", "json", .. extra]);
        Assert.True(result.ExitCode == 1, result.Combined);
        return JsonReport.Parse(result.StandardOutput);
    }

    private static IEnumerable<string> Keys(IEnumerable<JsonFinding> findings) =>
        findings.Select(f => $"{f.Kind} {f.Severity} {f.Repository} {f.Tag} {f.Parent} {f.Digest}").Order(StringComparer.Ordinal);
}
