namespace RegistryGuard.Bench;

/// <param name="Repositories">Repositories in the catalog.</param>
/// <param name="TagsPerRepository">Versioned tags per repository; each repository also has <c>latest</c> on its newest build.</param>
/// <param name="ContentGroups">Repositories with the same group index serve the same images (mirrors of one product).
/// Equal to <paramref name="Repositories"/> for fully distinct content.</param>
internal sealed record BenchShape(int Repositories, int TagsPerRepository, int ContentGroups)
{
    public static string RepositoryName(int index) => $"bench/team{index % 16:D2}/app{index:D5}";

    public int GroupOf(int repositoryIndex) => repositoryIndex % ContentGroups;

    public override string ToString() => $"{Repositories} repositories x {TagsPerRepository} tags (+latest), {ContentGroups} content groups";
}
