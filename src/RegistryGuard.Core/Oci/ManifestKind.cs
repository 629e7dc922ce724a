namespace RegistryGuard.Oci;

public enum ManifestKind
{
    /// <summary>OCI image index or Docker manifest list: references other manifests.</summary>
    Index,

    /// <summary>OCI image manifest or Docker schema2: references a config and layers.</summary>
    Image,

    /// <summary>Docker schema1: obsolete; reported, never followed.</summary>
    Schema1,
}
