namespace RegistryGuard.Storage.Blobs;

/// <summary>One blob data file. <see cref="Hex"/> is the one string instance every reference to this digest shares.</summary>
internal sealed class BlobEntry(string hex, long length, BlobPresence presence)
{
    private int _linked;
    private int _corrupt;

    public string Hex { get; } = hex;

    public long Length { get; } = length;

    public BlobPresence Presence { get; } = presence;

    public bool Corrupt => Volatile.Read(ref _corrupt) != 0;

    public bool Linked => Volatile.Read(ref _linked) != 0;

    public void MarkCorrupt() => Volatile.Write(ref _corrupt, 1);

    public void MarkLinked() => Volatile.Write(ref _linked, 1);
}
