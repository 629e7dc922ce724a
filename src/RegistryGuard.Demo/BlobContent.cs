using RegistryGuard.Oci;

namespace RegistryGuard.Demo;

/// <summary>A config or layer blob with its bytes.</summary>
public sealed record BlobContent(string MediaType, byte[] Bytes)
{
    public Digest Digest { get; } = Digest.Sha256Of(Bytes);

    public long Size => Bytes.LongLength;
}
