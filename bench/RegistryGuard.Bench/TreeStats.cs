namespace RegistryGuard.Bench;

/// <summary>What a generated registry holds, counted the way the probe and the scanner count.</summary>
/// <param name="Manifests">Unique (repository, manifest digest) pairs: the probe's manifest GETs.</param>
/// <param name="Blobs">Unique (repository, blob digest) pairs: the probe's blob HEADs.</param>
/// <param name="DistinctDigests">Distinct digests stored once under blobs/.</param>
/// <param name="LinkFiles">Every <c>link</c> file: revisions, layers, tag current and tag index links.</param>
internal sealed record TreeStats(int Repositories, int Tags, long Manifests, long Blobs, long DistinctDigests, long LinkFiles)
{
    /// <summary>Requests a clean probe makes: ping, one catalog page per 1000, one tag list per repository, one per object.</summary>
    public long ExpectedProbeRequests => 1 + ((Repositories / 1000) + 1) + Repositories + Manifests + Blobs;
}
