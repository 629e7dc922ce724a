using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>What the registry holds, read directly over its API (not through RegistryGuard's walk).</summary>
internal sealed record RegistryTruth(int Repositories, int Tags, IReadOnlyList<string> SoakTags)
{
    public static async Task<RegistryTruth> ReadAsync(Uri registry)
    {
        using var client = new RegistryClient(new RegistryClientOptions(registry));
        var repositories = 0;
        var tags = 0;
        var soakTags = new List<string>();
        await foreach (var repository in client.ListRepositoriesAsync(100, CancellationToken.None))
        {
            repositories++;
            await foreach (var tag in client.ListTagsAsync(repository, 100, CancellationToken.None))
            {
                tags++;
                if (repository == SoakImages.Repository)
                {
                    soakTags.Add(tag);
                }
            }
        }

        soakTags.Sort(StringComparer.Ordinal);
        return new RegistryTruth(repositories, tags, soakTags);
    }
}
