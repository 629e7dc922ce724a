namespace RegistryGuard.Scanning;

public enum RepairKind
{
    /// <summary>Write back a missing revision link of an index child whose bytes are on disk.</summary>
    WriteRevisionLink,

    /// <summary>Remove a layer link whose blob data is gone, so a pull-through cache fetches the blob again.</summary>
    RemoveDanglingLayerLink,
}
