using RegistryGuard.IntegrationTests.Corpus.Content;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Numbers real registries reach: 260 CI tags in one repository (branch, PR, commit and build-number tags over a few
/// images; 2.8 does not page tag lists) and 110 small service repositories sharing a base layer.
/// </summary>
internal static class Scale
{
    public const string CiRepository = "ci/builds";
    public const int CiTags = 260;
    public const int FleetRepositories = 110;

    public static async Task PushCiAsync(CorpusSession session)
    {
        var images = Enumerable.Range(0, 5).Select(i => Images.Oci($"ci-build-{i}", shared: [Layers.Gzip("ci-base", 512)], hour: i)).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, CiTags), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var tag = (i % 4) switch
            {
                0 => $"build-{i:D4}",
                1 => $"pr-{1000 + i}",
                2 => $"main-{i:x7}a{i:D3}",
                _ => $"1.{i / 10}.{i % 10}",
            };
            await session.TagAsync(CiRepository, tag, images[i % images.Count]);
        });
    }

    public static async Task PushFleetAsync(CorpusSession session)
    {
        var shared = new[] { Layers.Gzip("fleet-base", 512) };
        await Parallel.ForEachAsync(Enumerable.Range(0, FleetRepositories), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            await session.TagAsync($"fleet/svc-{i:D3}", "1", Images.Oci($"fleet-{i}", shared: shared)));
    }
}
