namespace RegistryGuard.Probing;

/// <summary>Live counters a progress display can poll while a probe runs.</summary>
public sealed class ProbeCounters
{
    private int _repositories;
    private int _tags;
    private int _manifests;
    private int _blobs;
    private int _blobsHashed;
    private long _bytesHashed;

    public int Repositories => Volatile.Read(ref _repositories);

    public int Tags => Volatile.Read(ref _tags);

    public int Manifests => Volatile.Read(ref _manifests);

    public int Blobs => Volatile.Read(ref _blobs);

    public int BlobsHashed => Volatile.Read(ref _blobsHashed);

    public long BytesHashed => Interlocked.Read(ref _bytesHashed);

    internal void Repository() => Interlocked.Increment(ref _repositories);

    internal void Tag() => Interlocked.Increment(ref _tags);

    internal void Manifest() => Interlocked.Increment(ref _manifests);

    internal void Blob() => Interlocked.Increment(ref _blobs);

    internal void Hashed(long bytes)
    {
        Interlocked.Increment(ref _blobsHashed);
        Interlocked.Add(ref _bytesHashed, bytes);
    }
}
