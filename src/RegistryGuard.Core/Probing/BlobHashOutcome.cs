using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>A class, not a struct: only --deep fills it, and inline it would widen every blob node of every probe.</summary>
internal sealed record BlobHashOutcome(Digest? Computed, long Length, Issue? Error);
