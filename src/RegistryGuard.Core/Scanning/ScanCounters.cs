namespace RegistryGuard.Scanning;

/// <summary>Live counters a progress display can poll while a scan runs.</summary>
public sealed class ScanCounters
{
    private int _repositories;
    private int _emptyRepositories;
    private int _tags;
    private int _revisions;
    private int _layerLinks;
    private int _blobs;
    private int _blobsHashed;
    private long _bytesHashed;
    private int _uploads;

    public int Repositories => Volatile.Read(ref _repositories);

    public int EmptyRepositories => Volatile.Read(ref _emptyRepositories);

    public int Tags => Volatile.Read(ref _tags);

    public int Revisions => Volatile.Read(ref _revisions);

    public int LayerLinks => Volatile.Read(ref _layerLinks);

    public int Blobs => Volatile.Read(ref _blobs);

    public int BlobsHashed => Volatile.Read(ref _blobsHashed);

    public long BytesHashed => Interlocked.Read(ref _bytesHashed);

    public int Uploads => Volatile.Read(ref _uploads);

    internal void Repository() => Interlocked.Increment(ref _repositories);

    internal void EmptyRepository() => Interlocked.Increment(ref _emptyRepositories);

    internal void Tag() => Interlocked.Increment(ref _tags);

    internal void Revision() => Interlocked.Increment(ref _revisions);

    internal void LayerLink() => Interlocked.Increment(ref _layerLinks);

    internal void Blob(int count) => Interlocked.Add(ref _blobs, count);

    internal void Upload() => Interlocked.Increment(ref _uploads);

    internal void Hashed(long bytes)
    {
        Interlocked.Increment(ref _blobsHashed);
        Interlocked.Add(ref _bytesHashed, bytes);
    }
}
