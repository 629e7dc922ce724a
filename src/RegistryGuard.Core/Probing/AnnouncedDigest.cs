using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

internal sealed record AnnouncedDigest(Digest Value);
