namespace RegistryGuard.Oci;

/// <summary>
/// The one rule for what an index entry is, shared by probe, scan and prune. An entry whose media type is a manifest
/// or index type is a manifest; any other entry is a blob. BuildKit's registry cache (<c>--cache-to
/// type=registry</c>) is such an index: its entries are layer blobs and an <c>application/vnd.buildkit.cacheconfig.v0</c>
/// config, which BuildKit reads from <c>/blobs/</c> and registry 2.8 answers 500 for under <c>/manifests/</c>.
/// An entry without a media type is taken for a manifest: that is what the field was left out of by old tools.
/// </summary>
public static class IndexEntry
{
    public static ReferenceTarget TargetOf(Descriptor entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.MediaType.Length == 0 || MediaTypes.IsManifest(entry.MediaType) ? ReferenceTarget.Manifest : ReferenceTarget.Blob;
    }

    public static bool IsManifest(Descriptor entry) => TargetOf(entry) == ReferenceTarget.Manifest;

    public static bool IsBlob(Descriptor entry) => TargetOf(entry) == ReferenceTarget.Blob;
}
