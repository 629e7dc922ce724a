namespace RegistryGuard.Storage;

/// <summary>Counts what the readers have read so far, for a live progress display.</summary>
internal interface IStorageProgress
{
    void Repository();

    void EmptyRepository();

    void Tag();

    void Revision();

    void LayerLink();

    void Blob(int count);

    void Upload();

    void Hashed(long bytes);
}
