using RegistryGuard.Storage;

namespace RegistryGuard.Scanning;

/// <summary>Live counters a progress display can poll while a scan runs.</summary>
public sealed class ScanCounters : IStorageProgress
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
    private int _repositoriesFound = -1;

    public int Repositories => Volatile.Read(ref _repositories);

    public int EmptyRepositories => Volatile.Read(ref _emptyRepositories);

    public int Tags => Volatile.Read(ref _tags);

    public int Revisions => Volatile.Read(ref _revisions);

    public int LayerLinks => Volatile.Read(ref _layerLinks);

    public int Blobs => Volatile.Read(ref _blobs);

    public int BlobsHashed => Volatile.Read(ref _blobsHashed);

    public long BytesHashed => Interlocked.Read(ref _bytesHashed);

    public int Uploads => Volatile.Read(ref _uploads);

    /// <summary>Repositories the walk found before reading them (the progress line's total), or -1 while still looking.</summary>
    public int RepositoriesFound => Volatile.Read(ref _repositoriesFound);

    internal void Found(int repositories) => Volatile.Write(ref _repositoriesFound, repositories);

    void IStorageProgress.Repository() => Interlocked.Increment(ref _repositories);

    void IStorageProgress.EmptyRepository() => Interlocked.Increment(ref _emptyRepositories);

    void IStorageProgress.Tag() => Interlocked.Increment(ref _tags);

    void IStorageProgress.Revision() => Interlocked.Increment(ref _revisions);

    void IStorageProgress.LayerLink() => Interlocked.Increment(ref _layerLinks);

    void IStorageProgress.Blob(int count) => Interlocked.Add(ref _blobs, count);

    void IStorageProgress.Upload() => Interlocked.Increment(ref _uploads);

    void IStorageProgress.Hashed(long bytes)
    {
        Interlocked.Increment(ref _blobsHashed);
        Interlocked.Add(ref _bytesHashed, bytes);
    }
}
