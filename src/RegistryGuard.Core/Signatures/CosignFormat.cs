namespace RegistryGuard.Signatures;

/// <summary>The names cosign's key-based image signatures use in a registry (cosign's SIGNATURE_SPEC).</summary>
public static class CosignFormat
{
    /// <summary>Media type of a signature layer: its blob is the signed payload.</summary>
    public const string SimpleSigningMediaType = "application/vnd.dev.cosign.simplesigning.v1+json";

    /// <summary>Layer annotation holding the base64 signature over the layer's blob.</summary>
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";

    /// <summary><c>artifactType</c> of a signature stored as an OCI 1.1 referrer.</summary>
    public const string SignatureArtifactType = "application/vnd.dev.cosign.artifact.sig.v1+json";

    /// <summary>Whether an entry of a referrers list (API answer or fallback index) is a cosign signature.</summary>
    public static bool IsSignatureReferrer(Oci.Descriptor referrer)
    {
        ArgumentNullException.ThrowIfNull(referrer);
        return referrer.ArtifactType == SignatureArtifactType;
    }

    /// <summary>The payload's <c>critical.type</c> for an image signature.</summary>
    public const string ImageSignatureType = "cosign container image signature";
}
