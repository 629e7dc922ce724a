using RegistryGuard.Demo;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>Pushes crafted content over the API the way a client does, recording what ends up tagged.</summary>
internal sealed class CorpusSession(RegistryClient client, CorpusFacts facts)
{
    public RegistryClient Client => client;

    public CorpusFacts Facts => facts;

    /// <summary>Blobs, then children by digest, then the manifest under <paramref name="tag"/>.</summary>
    public async Task<ManifestArtifact> TagAsync(string repository, string tag, ManifestArtifact artifact)
    {
        await ImagePusher.PushAsync(client, repository, tag, artifact, CancellationToken.None);
        facts.Tagged(repository, tag, artifact.Digest);
        return artifact;
    }

    /// <summary>Pushed by digest, no tag: how referrers (notation, SOCI) and buildx children arrive.</summary>
    public async Task<ManifestArtifact> PushByDigestAsync(string repository, ManifestArtifact artifact)
    {
        await ImagePusher.PushAsync(client, repository, artifact.Digest.ToString(), artifact, CancellationToken.None);
        return artifact;
    }

    public async Task DeleteAsync(string repository, Digest digest)
    {
        await client.DeleteManifestAsync(repository, digest, CancellationToken.None);
        facts.Deleted(repository, digest);
    }
}
