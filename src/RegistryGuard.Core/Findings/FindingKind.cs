namespace RegistryGuard.Findings;

/// <summary>
/// The one vocabulary shared by probe, scan, prune and metrics. Wire names, descriptions and default
/// severities live in <see cref="FindingKinds"/>; docs/findings.md is the operator-facing copy.
/// </summary>
public enum FindingKind
{
    // Seen over HTTP (probe, verify) and on disk (scan).
    MissingManifest,
    MissingBlob,
    SizeMismatch,
    DigestMismatch,
    UnreadableManifest,
    Unreachable,
    AccessDenied,
    InvalidName,

    // Seen on disk only (scan).
    DanglingLayerLink,
    DanglingRevisionLink,
    MissingTagLink,
    DanglingTagLink,
    DanglingTagHistory,
    OrphanedChild,
    MissingLayerLink,
    CorruptLink,
    CorruptBlob,
    StaleUpload,
    UnreadablePath,

    // Auth posture and catalog health (probe).
    UnauthenticatedAccess,
    CatalogShrunk,

    // Cosign signatures (probe and verify with --cosign-key; prune removes orphaned ones).
    UnsignedImage,
    InvalidSignature,
    OrphanedSignature,

    // Pull-through caches (probe).
    UpstreamUnreachable,
}
