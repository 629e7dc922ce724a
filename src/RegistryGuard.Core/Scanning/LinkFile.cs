using System.Text;

namespace RegistryGuard.Scanning;

/// <summary>
/// Reads distribution's link files defensively: type and size are checked before a file is opened, so a FIFO,
/// a device or a multi-gigabyte "link" never blocks or fills memory, and only <c>sha256:&lt;64 hex&gt;</c> counts.
/// </summary>
internal static class LinkFile
{
    /// <summary>A link is 71 bytes; anything past this is not a link, and is never read whole.</summary>
    public const int MaxBytes = 256;

    private const string Prefix = "sha256:";

    public static LinkRead Read(ScanContext context, string path, string? expectedHex)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (StorageNames.IsSymbolicLink(info))
            {
                return new LinkRead(LinkState.Unreadable, null, context.SymlinkProblem(info));
            }

            if (!info.Exists)
            {
                return Directory.Exists(path) ? new LinkRead(LinkState.Corrupt, null, "is a directory, not a link file") : new LinkRead(LinkState.Missing, null, null);
            }

            // FIFOs, sockets and devices report length 0: never opened, so a FIFO cannot block the scan.
            if (info.Length == 0)
            {
                return new LinkRead(LinkState.Corrupt, null, "is empty (0 bytes) or not a regular file");
            }

            if (info.Length > MaxBytes)
            {
                return new LinkRead(LinkState.Corrupt, null, $"is {info.Length} bytes; a link is 71");
            }

            var buffer = new byte[MaxBytes + 1];
            int read;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1))
            {
                read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            }

            return Parse(buffer.AsSpan(0, read), expectedHex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new LinkRead(LinkState.Unreadable, null, "cannot be read: " + ScanContext.Reason(ex));
        }
    }

    public static LinkRead Parse(ReadOnlySpan<byte> content, string? expectedHex)
    {
        if (content.Length > MaxBytes)
        {
            return new LinkRead(LinkState.Corrupt, null, $"is more than {MaxBytes} bytes; a link is 71");
        }

        var text = Encoding.ASCII.GetString(content);
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || !StorageNames.IsSha256Hex(text.AsSpan(Prefix.Length)))
        {
            return new LinkRead(LinkState.Corrupt, null, $"holds '{StorageNames.Printable(text)}', not sha256:<64 lowercase hex>");
        }

        var hex = text[Prefix.Length..];
        return expectedHex is not null && !string.Equals(hex, expectedHex, StringComparison.Ordinal)
            ? new LinkRead(LinkState.Corrupt, null, $"points at sha256:{hex} but lives under sha256/{expectedHex}")
            : new LinkRead(LinkState.Valid, hex, null);
    }
}
