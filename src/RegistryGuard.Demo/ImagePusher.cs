using RegistryGuard.Registry;

namespace RegistryGuard.Demo;

/// <summary>Pushes an artifact tree the way a client does: blobs, then children by digest, then the tagged manifest.</summary>
public static class ImagePusher
{
    public static async Task PushAsync(RegistryClient client, string repository, string tag, ManifestArtifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(artifact);
        foreach (var blob in artifact.AllBlobs())
        {
            await client.PushBlobAsync(repository, blob.Bytes, cancellationToken).ConfigureAwait(false);
        }

        foreach (var manifest in artifact.SelfAndDescendants().Where(m => !ReferenceEquals(m, artifact)))
        {
            await client.PushManifestAsync(repository, manifest.Digest.ToString(), manifest.Bytes, manifest.MediaType, cancellationToken).ConfigureAwait(false);
        }

        await client.PushManifestAsync(repository, tag, artifact.Bytes, artifact.MediaType, cancellationToken).ConfigureAwait(false);
    }
}
