using System.Text;

namespace RegistryGuard.Storage;

/// <summary>
/// Reads distribution's link files defensively: type and size are checked before a file is opened, so a FIFO,
/// a device or a multi-gigabyte "link" never blocks or fills memory, a symbolic link is never followed, and only
/// <c>sha256:&lt;64 hex&gt;</c> counts. The caller has checked the directories above the file (see
/// <see cref="RegistryStorage.ListChild"/>).
/// </summary>
internal static class LinkFile
{
    /// <summary>A link is 71 bytes; anything past this is not a link, and is never read whole.</summary>
    public const int MaxBytes = 256;

    private const int Length = 71;

    private static ReadOnlySpan<byte> Prefix => "sha256:"u8;

    /// <param name="expectedHex">The digest directory the link lives in, when it lives in one: the link must name it.</param>
    /// <param name="withModified">Also return the file's modification time (prune ranks tags by it).</param>
    public static LinkRead Read(RegistryStorage storage, string path, string? expectedHex, bool withModified = false)
    {
        try
        {
            var info = storage.FileSystem.FileInfo.New(path);
            if (RegistryStorage.IsSymbolicLink(info))
            {
                return new LinkRead(LinkState.Unreadable, null, storage.SymlinkProblem(info));
            }

            if (!info.Exists)
            {
                return storage.FileSystem.Directory.Exists(path)
                    ? new LinkRead(LinkState.Corrupt, null, "is a directory, not a link file")
                    : new LinkRead(LinkState.Missing, null, null);
            }

            // FIFOs, sockets and devices report length 0: never opened, so a FIFO cannot block the reader.
            var length = info.Length;
            if (length == 0)
            {
                return new LinkRead(LinkState.Corrupt, null, "is empty (0 bytes) or not a regular file");
            }

            if (length > MaxBytes)
            {
                return new LinkRead(LinkState.Corrupt, null, $"is {length} bytes; a link is 71");
            }

            // One read: a regular file gives all it holds up to the buffer's size at once, so a second read only to
            // see end-of-file would cost a system call per link. A file that grew past the bound still fills the buffer.
            Span<byte> buffer = stackalloc byte[MaxBytes + 1];
            int read;
            if (storage.OpensHandles)
            {
                // A million links: no stream object (and no finalizer registration) per file on the real disk.
                using var handle = storage.FileSystem.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                read = RandomAccess.Read(handle, buffer, 0);
            }
            else
            {
                using var stream = storage.FileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
                read = stream.Read(buffer);
            }

            var link = Parse(buffer[..read], expectedHex);
            return withModified ? link with { Modified = info.LastWriteTimeUtc } : link;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LinkRead(LinkState.Unreadable, null, "cannot be read: " + RegistryStorage.Reason(ex));
        }
    }

    public static LinkRead Parse(ReadOnlySpan<byte> content, string? expectedHex)
    {
        if (content.Length > MaxBytes)
        {
            return new LinkRead(LinkState.Corrupt, null, $"is more than {MaxBytes} bytes; a link is 71");
        }

        if (content.Length != Length || !content.StartsWith(Prefix) || !StorageNames.IsSha256Hex(content[Prefix.Length..]))
        {
            return new LinkRead(LinkState.Corrupt, null, $"holds '{StorageNames.Printable(Encoding.ASCII.GetString(content))}', not sha256:<64 lowercase hex>");
        }

        var hex = content[Prefix.Length..];
        if (expectedHex is null)
        {
            return new LinkRead(LinkState.Valid, Encoding.ASCII.GetString(hex), null);
        }

        // The directory's name is the digest already: no second string for a link that agrees with it.
        return Ascii.Equals(hex, expectedHex)
            ? new LinkRead(LinkState.Valid, expectedHex, null)
            : new LinkRead(LinkState.Corrupt, null, $"points at sha256:{Encoding.ASCII.GetString(hex)} but lives under sha256/{expectedHex}");
    }
}
