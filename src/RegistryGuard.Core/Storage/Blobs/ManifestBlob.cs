using System.IO.Abstractions;
using System.Security.Cryptography;

namespace RegistryGuard.Storage.Blobs;

/// <summary>
/// Reads a manifest's blob data, the one way scan and prune do: never through a symbolic link, never more than
/// distribution's 4 MiB manifest limit, and its bytes are used only when they hash to its digest.
/// </summary>
internal static class ManifestBlob
{
    /// <summary>distribution refuses manifests above 4 MiB; nothing larger is read into memory.</summary>
    public const long MaxBytes = 4L << 20;

    /// <param name="indexed">The blob index's entry, when the caller has one: its data file was found without a link.</param>
    public static ManifestBlobRead Read(RegistryStorage storage, string hex, BlobEntry? indexed = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        long length;
        if (indexed is { Presence: BlobPresence.Present })
        {
            length = indexed.Length;
        }
        else if (storage.BlobData(hex) is { } data)
        {
            length = data.Length;
        }
        else
        {
            return new ManifestBlobRead(ManifestBlobState.Absent, null, 0, "is not on disk");
        }

        if (length == 0)
        {
            return new ManifestBlobRead(ManifestBlobState.Empty, null, 0, "is 0 bytes");
        }

        if (length > MaxBytes)
        {
            return new ManifestBlobRead(ManifestBlobState.TooLarge, null, length, $"is {length} bytes, above distribution's 4 MiB manifest limit");
        }

        byte[] bytes;
        try
        {
            bytes = ReadExactly(storage.FileSystem, StoragePaths.BlobData(storage.V2Root, hex), length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ManifestBlobRead(ManifestBlobState.Unreadable, null, length, "cannot be read: " + RegistryStorage.Reason(ex));
        }

        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), hex, StringComparison.Ordinal)
            ? new ManifestBlobRead(ManifestBlobState.Valid, bytes, bytes.LongLength, null)
            : new ManifestBlobRead(ManifestBlobState.HashMismatch, null, length, "does not hash to its digest");
    }

    /// <summary>The <paramref name="length"/> bytes measured before opening, and not one more, whatever the file became since.</summary>
    private static byte[] ReadExactly(IFileSystem fileSystem, string path, long length)
    {
        var bytes = new byte[length];
        Span<byte> more = stackalloc byte[1];
        using var stream = fileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        return stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false) == bytes.Length && stream.Read(more) == 0
            ? bytes
            : throw new IOException("it changed size while it was read");
    }
}
