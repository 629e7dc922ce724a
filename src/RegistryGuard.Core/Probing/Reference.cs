using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>A child or blob reference as its parent manifest describes it.</summary>
internal readonly record struct Reference(Digest Digest, long Size, bool Foreign);
