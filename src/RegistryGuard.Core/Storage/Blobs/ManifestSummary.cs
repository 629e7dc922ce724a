using RegistryGuard.Oci;

namespace RegistryGuard.Storage.Blobs;

/// <summary>What a walk of storage needs from one manifest: its kind, its children's digests, its blobs with their sizes.</summary>
/// <param name="Problem">Why it could not be read (then <see cref="Kind"/> is null).</param>
/// <param name="BytesMismatch">Its bytes do not hash to its digest: reported as corrupt_blob, not followed.</param>
internal sealed record ManifestSummary(ManifestKind? Kind, string? Problem, bool BytesMismatch = false)
{
    /// <summary>Index children (sha256 hex), in document order.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>Config and layers (sha256 hex and descriptor size); foreign layers are served elsewhere and left out.</summary>
    public IReadOnlyList<(string Hex, long Size)> Blobs { get; init; } = [];
}
