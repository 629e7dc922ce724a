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
    private int _repositoriesQueued;
    private int _repositoriesDone;
    private int _catalogComplete;

    public int Repositories => Volatile.Read(ref _repositories);

    public int Tags => Volatile.Read(ref _tags);

    public int Manifests => Volatile.Read(ref _manifests);

    public int Blobs => Volatile.Read(ref _blobs);

    public int BlobsHashed => Volatile.Read(ref _blobsHashed);

    public long BytesHashed => Interlocked.Read(ref _bytesHashed);

    /// <summary>Repositories this run will walk, as far as the catalog has been read.</summary>
    public int RepositoriesQueued => Volatile.Read(ref _repositoriesQueued);

    /// <summary>Repositories whose walk is complete.</summary>
    public int RepositoriesDone => Volatile.Read(ref _repositoriesDone);

    /// <summary>The catalog has been read to its end: <see cref="RepositoriesQueued"/> is the total.</summary>
    public bool CatalogComplete => Volatile.Read(ref _catalogComplete) == 1;

    internal void Repository() => Interlocked.Increment(ref _repositories);

    internal void RepositoryQueued() => Interlocked.Increment(ref _repositoriesQueued);

    internal void RepositoryDone() => Interlocked.Increment(ref _repositoriesDone);

    internal void CatalogRead() => Volatile.Write(ref _catalogComplete, 1);

    internal void Tag() => Interlocked.Increment(ref _tags);

    internal void Manifest() => Interlocked.Increment(ref _manifests);

    internal void Blob() => Interlocked.Increment(ref _blobs);

    internal void Hashed(long bytes)
    {
        Interlocked.Increment(ref _blobsHashed);
        Interlocked.Add(ref _bytesHashed, bytes);
    }
}
