using RegistryGuard.Demo;
using RegistryGuard.Registry;

namespace RegistryGuard.Bench;

/// <summary>Pushes the same content as <see cref="StorageTreeWriter"/> through the registry's API, concurrently.</summary>
internal static class HttpLoader
{
    public static async Task<long> LoadAsync(RegistryClient client, SyntheticImages images, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        await Parallel.ForEachAsync(
            Enumerable.Range(0, images.Shape.Repositories),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (r, ct) =>
            {
                // One repository's tags in order: a later tag may reuse blobs an earlier one pushed.
                foreach (var tagged in images.TagsOf(r))
                {
                    await ImagePusher.PushAsync(client, tagged.Repository, tagged.Tag, tagged.Artifact, ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        return client.RequestCount;
    }
}
