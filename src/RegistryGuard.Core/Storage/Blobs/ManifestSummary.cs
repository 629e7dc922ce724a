using RegistryGuard.Oci;

namespace RegistryGuard.Storage.Blobs;

/// <summary>What a walk of storage needs from one manifest: its kind, the manifests and blobs it references.</summary>
/// <param name="Problem">Why it could not be read (then <see cref="Kind"/> is null).</param>
/// <param name="BytesMismatch">Its bytes do not hash to its digest: reported as corrupt_blob, not followed.</param>
internal sealed record ManifestSummary(ManifestKind? Kind, string? Problem, bool BytesMismatch = false)
{
    /// <summary>An index's entries that are manifests (<see cref="IndexEntry"/>; sha256 hex), in document order.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];

    /// <summary>
    /// What it references under <c>/blobs/</c> (sha256 hex and descriptor size): an image's config and layers, an
    /// index's entries that are blobs (BuildKit's cache). Foreign layers are served elsewhere and left out.
    /// </summary>
    public IReadOnlyList<(string Hex, long Size)> Blobs { get; init; } = [];

    /// <summary>Its bytes were read and are no manifest at all (<see cref="ManifestFormatException.Unrecognized"/>).</summary>
    public bool Unrecognized { get; init; }
}
