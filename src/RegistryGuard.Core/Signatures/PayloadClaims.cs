using RegistryGuard.Oci;

namespace RegistryGuard.Signatures;

/// <summary>What a signature payload claims: the signed manifest's digest, the signature type and the signer's name for the image.</summary>
public sealed record PayloadClaims(Digest ManifestDigest, string Type, string? DockerReference)
{
    public bool IsImageSignature => Type == CosignFormat.ImageSignatureType;
}
