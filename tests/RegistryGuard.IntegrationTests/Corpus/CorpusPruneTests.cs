using System.Text.Json;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;
using Xunit.Abstractions;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// prune --keep N over the API, then the registry's own plain garbage-collect, on a copy of the corpus: every tag the
/// plan kept still pulls with skopeo (referrers and signature tags included, since they are kept with their subject),
/// and every BuildKit cache kept still serves each of its blobs; probe finds nothing broken afterwards.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class CorpusPruneTests(CorpusFixture corpus, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_kept_tag_its_referrers_and_its_build_cache_still_pull_after_prune_and_garbage_collect()
    {
        await using var copy = await corpus.CopyAsync();
        var url = copy.Url.ToString();

        var prune = await CliRunner.RunAsync("prune", "--registry", url, "--keep", "3", "--order", "time", "--protect", "latest", "--protect", "buildcache*",
            "--apply", "--output", "json", "--backup", Path.Combine(copy.RootDirectory, "prune-backup"));
        Assert.True(prune.ExitCode == 0, prune.Combined);
        var kept = KeptTags(prune.StandardOutput);
        using var plan = JsonDocument.Parse(prune.StandardOutput);
        var summary = plan.RootElement.GetProperty("summary");
        Assert.True(summary.GetProperty("manifests_deleted").GetInt32() > 0, prune.StandardOutput);
        Assert.Contains(kept, t => t.Tag == "buildcache-docker"); // a cache index with blobs no other manifest holds
        var blobsBefore = StorageSnapshot.BlobCount(copy.V2Root);
        var gc = await copy.GarbageCollectAsync();
        Assert.True(gc.ExitCode == 0, gc.Combined);
        output.WriteLine($"kept {kept.Count} tags, deleted {summary.GetProperty("manifests_deleted")} manifests; garbage-collect: {blobsBefore} -> {StorageSnapshot.BlobCount(copy.V2Root)} blobs");
        Assert.True(StorageSnapshot.BlobCount(copy.V2Root) < blobsBefore);

        using var client = new RegistryClient(new RegistryClientOptions(copy.Url));
        var problems = new List<string>();
        var pulled = new HashSet<(string, Digest)>();
        foreach (var (repository, tag) in kept)
        {
            var response = await client.GetManifestAsync(repository, tag, CancellationToken.None);
            var manifest = ManifestParser.Parse(response.Body, response.ContentType);
            if (!pulled.Add((repository, response.ComputedDigest)))
            {
                continue; // another kept tag of the same digest was pulled already
            }

            if (IsBuildCache(manifest) || manifest.Blobs.Any(b => b.IsForeign))
            {
                problems.AddRange(await BlobFetch.ProblemsAsync(copy.Url, repository, manifest.Blobs));
                continue;
            }

            // skopeo 1.9 cannot copy an index holding an index: it pulls every image below it by digest instead.
            var references = manifest.ChildManifests.Any(c => MediaTypes.IsIndex(c.MediaType))
                ? (await LeafImagesAsync(client, repository, response.ComputedDigest)).Select(d => $"{repository}@{d}")
                : [$"{repository}:{tag}"];
            foreach (var reference in references)
            {
                var pull = await Skopeo.PullAllAsync(copy.HostPort, reference);
                if (pull.ExitCode != 0)
                {
                    problems.Add($"skopeo {reference}: {pull.Combined}");
                }
            }
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        Assert.Empty(problems);
        var probe = await CorpusChecks.ProbeAsync(copy, deep: false, output);
        Assert.Empty(probe.Failures);
        Assert.Equal(kept.Count, probe.SummaryInt("tags"));
    }

    private static async Task<List<Digest>> LeafImagesAsync(RegistryClient client, string repository, Digest index)
    {
        var leaves = new List<Digest>();
        foreach (var child in ManifestParser.Parse((await client.GetManifestAsync(repository, index.ToString(), CancellationToken.None)).Body).ChildManifests)
        {
            leaves.AddRange(MediaTypes.IsIndex(child.MediaType) ? await LeafImagesAsync(client, repository, child.Digest) : [child.Digest]);
        }

        return leaves;
    }

    private static bool IsBuildCache(Manifest manifest) =>
        manifest.Blobs.Any(b => b.MediaType == MediaTypes.BuildKitCacheConfig) || manifest.Config?.MediaType == MediaTypes.BuildKitCacheConfig;

    private static List<(string Repository, string Tag)> KeptTags(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("repositories").EnumerateArray()
            .SelectMany(r => r.GetProperty("tags").EnumerateArray()
                .Where(t => t.GetProperty("action").GetString() == "keep")
                .Select(t => (r.GetProperty("repository").GetString()!, t.GetProperty("tag").GetString()!)))];
    }
}
