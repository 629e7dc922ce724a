using System.Collections.Concurrent;
using System.Security.Cryptography;
using RegistryGuard.Oci;

namespace RegistryGuard.Scanning;

/// <summary>Reads and parses each manifest blob once, however many repositories link it.</summary>
internal sealed class ManifestCache(ScanContext context)
{
    /// <summary>distribution refuses manifests above 4 MiB; nothing larger is read into memory.</summary>
    public const long MaxManifestBytes = 4L << 20;

    private readonly ConcurrentDictionary<string, Lazy<ManifestSummary>> _summaries = new(StringComparer.Ordinal);

    public ManifestSummary Get(BlobEntry entry) =>
        _summaries.GetOrAdd(entry.Hex, _ => new Lazy<ManifestSummary>(() => Load(entry))).Value;

    private ManifestSummary Load(BlobEntry entry)
    {
        if (entry.Length == 0)
        {
            entry.MarkCorrupt();
            return new ManifestSummary(null, "its blob data is 0 bytes", BytesMismatch: true);
        }

        if (entry.Length > MaxManifestBytes)
        {
            return new ManifestSummary(null, $"its blob data is {entry.Length} bytes, above distribution's 4 MiB manifest limit");
        }

        byte[] bytes;
        var path = Path.Combine(context.V2Root, "blobs", "sha256", entry.Hex[..2], entry.Hex, "data");
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ManifestSummary(null, "its blob data cannot be read: " + ScanContext.Reason(ex));
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), entry.Hex, StringComparison.Ordinal))
        {
            entry.MarkCorrupt();
            return new ManifestSummary(null, "its bytes do not hash to its digest", BytesMismatch: true);
        }

        Manifest manifest;
        try
        {
            manifest = ManifestParser.Parse(bytes);
        }
        catch (ManifestFormatException ex)
        {
            return new ManifestSummary(null, ex.Message);
        }

        return manifest.Kind switch
        {
            ManifestKind.Index => new ManifestSummary(ManifestKind.Index, null)
            {
                Children = [.. manifest.Manifests.Where(d => d.Digest.Algorithm == "sha256").Select(d => context.Blobs.Intern(d.Digest.Hex))],
            },
            ManifestKind.Image => new ManifestSummary(ManifestKind.Image, null)
            {
                Blobs = [.. manifest.Blobs.Where(d => !d.IsForeign && d.Digest.Algorithm == "sha256").Select(d => (context.Blobs.Intern(d.Digest.Hex), d.Size))],
            },
            _ => new ManifestSummary(ManifestKind.Schema1, "schema1 manifest (obsolete format); its references are not checked"),
        };
    }
}
