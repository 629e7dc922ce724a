namespace RegistryGuard.Oci;

/// <summary>How a client fetches what a descriptor points at, and how distribution links it into a repository.</summary>
public enum ReferenceTarget
{
    /// <summary>Under <c>/manifests/</c>; served through the repository's revision link.</summary>
    Manifest,

    /// <summary>Under <c>/blobs/</c>; served through the repository's <c>_layers</c> link.</summary>
    Blob,
}
