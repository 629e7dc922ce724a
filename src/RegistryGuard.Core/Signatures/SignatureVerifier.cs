using RegistryGuard.Oci;

namespace RegistryGuard.Signatures;

/// <summary>
/// Pure: is one signature layer a valid signature of <c>subject</c>? The signature must verify over the payload's
/// exact bytes with one of the keys before anything in the payload is believed; then the payload must be an image
/// signature and name the subject's digest (a signature copied from another image names that image).
/// </summary>
public static class SignatureVerifier
{
    public static LayerVerdict Verify(IReadOnlyList<CosignKey> keys, Digest subject, ReadOnlySpan<byte> payload, string? base64Signature)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(base64Signature))
        {
            return LayerVerdict.Invalid($"the layer has no {CosignFormat.SignatureAnnotation} annotation");
        }

        var signature = new byte[base64Signature.Length];
        if (!Convert.TryFromBase64String(base64Signature, signature, out var length) || length == 0)
        {
            return LayerVerdict.Invalid($"signature {Prefix(base64Signature)} is not base64");
        }

        CosignKey? key = null;
        foreach (var candidate in keys)
        {
            if (candidate.Verify(payload, signature.AsSpan(0, length)))
            {
                key = candidate;
                break;
            }
        }

        if (key is null)
        {
            return LayerVerdict.Invalid($"signature {Prefix(base64Signature)} verifies with none of the keys ({string.Join(", ", keys.Select(k => k.Fingerprint))}): another signer, or tampered signature or payload");
        }

        if (!PayloadReader.TryRead(payload, out var claims, out var problem))
        {
            return LayerVerdict.Invalid($"{problem} (signed by {key.Fingerprint})");
        }

        if (!claims.IsImageSignature)
        {
            return LayerVerdict.Invalid($"critical.type is '{Printable(claims.Type)}', not '{CosignFormat.ImageSignatureType}'");
        }

        return claims.ManifestDigest == subject
            ? LayerVerdict.Valid(key)
            : LayerVerdict.Invalid($"signed for {claims.ManifestDigest}, not for this manifest: a signature copied from another image");
    }

    /// <summary>A recognisable prefix; a signature is never printed whole.</summary>
    internal static string Prefix(string base64Signature) =>
        base64Signature.Length <= 12 ? "(short)" : Printable(base64Signature[..12]) + "…";

    private static string Printable(string text)
    {
        var cut = text.Length > 80 ? text[..80] + "…" : text;
        return new string([.. cut.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
