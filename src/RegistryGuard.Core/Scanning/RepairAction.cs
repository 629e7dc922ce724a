using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Scanning;

/// <param name="RelativePath">The link file, relative to the v2 root (<c>repositories/…/link</c>).</param>
/// <param name="Finding">The finding this repairs.</param>
public sealed record RepairAction(RepairKind Kind, string Repository, string RelativePath, Digest Digest, Finding Finding)
{
    /// <summary>Set once the change is made (and journaled).</summary>
    public bool Applied { get; init; }

    public string Describe() => (Kind, Applied) switch
    {
        (RepairKind.WriteRevisionLink, false) => $"would write link {RelativePath} ({Digest})",
        (RepairKind.WriteRevisionLink, true) => $"wrote link {RelativePath} ({Digest})",
        (RepairKind.RemoveDanglingLayerLink, false) => $"would remove dangling layer link {RelativePath}",
        _ => $"removed dangling layer link {RelativePath}",
    };
}
