using System.Collections.Concurrent;
using RegistryGuard.Oci;

namespace RegistryGuard.Storage.Blobs;

/// <summary>Reads and summarises each manifest blob once, however many repositories link it.</summary>
internal sealed class ManifestCache(RegistryStorage storage, BlobIndex blobs)
{
    private readonly ConcurrentDictionary<string, Lazy<ManifestSummary>> _summaries = new(StringComparer.Ordinal);

    public ManifestSummary Get(BlobEntry entry) =>
        _summaries.GetOrAdd(entry.Hex, _ => new Lazy<ManifestSummary>(() => Load(entry))).Value;

    private ManifestSummary Load(BlobEntry entry)
    {
        var read = ManifestBlob.Read(storage, entry.Hex, entry);
        switch (read.State)
        {
            case ManifestBlobState.Empty:
                entry.MarkCorrupt();
                return new ManifestSummary(null, "its blob data " + read.Problem, BytesMismatch: true);
            case ManifestBlobState.HashMismatch:
                entry.MarkCorrupt();
                return new ManifestSummary(null, "its bytes do not hash to its digest", BytesMismatch: true);
            case ManifestBlobState.Valid:
                break;
            default:
                return new ManifestSummary(null, "its blob data " + read.Problem);
        }

        Manifest manifest;
        try
        {
            manifest = ManifestParser.Parse(read.Bytes!);
        }
        catch (ManifestFormatException ex)
        {
            return new ManifestSummary(null, ex.Message) { Unrecognized = ex.Unrecognized };
        }

        return manifest.Kind == ManifestKind.Schema1
            ? new ManifestSummary(ManifestKind.Schema1, "schema1 manifest (obsolete format); its references are not checked")
            : new ManifestSummary(manifest.Kind, null)
            {
                Children = [.. manifest.ChildManifests.Where(d => d.Digest.Algorithm == "sha256").Select(d => blobs.Intern(d.Digest.Hex))],
                Blobs = [.. manifest.Blobs.Where(d => !d.IsForeign && d.Digest.Algorithm == "sha256").Select(d => (blobs.Intern(d.Digest.Hex), d.Size))],
            };
    }
}
