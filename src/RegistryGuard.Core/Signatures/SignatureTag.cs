using RegistryGuard.Oci;

namespace RegistryGuard.Signatures;

/// <summary>
/// The tags that hang off a manifest digest: cosign's <c>sha256-&lt;hex&gt;.sig</c> (and <c>.att</c>, <c>.sbom</c>),
/// and the OCI 1.1 referrers fallback tag <c>sha256-&lt;hex&gt;</c> of registries without the referrers API.
/// </summary>
public static class SignatureTag
{
    private const string Prefix = "sha256-";
    private const string SignatureSuffix = ".sig";
    private const int HexLength = 64;

    /// <summary>Where cosign stores the signatures of <paramref name="subject"/> by the tag scheme.</summary>
    public static string For(Digest subject) => Prefix + subject.Hex + SignatureSuffix;

    /// <summary>The tag holding the index of referrers of <paramref name="subject"/> where the registry has no referrers API.</summary>
    public static string ReferrersFallbackFor(Digest subject) => Prefix + subject.Hex;

    /// <summary>True for a <c>sha256-&lt;hex&gt;.sig</c> tag, with the digest it signs.</summary>
    public static bool TryGetSignedDigest(string tag, out Digest subject)
    {
        ArgumentNullException.ThrowIfNull(tag);
        subject = default;
        return tag.Length == Prefix.Length + HexLength + SignatureSuffix.Length
            && tag.EndsWith(SignatureSuffix, StringComparison.Ordinal)
            && NamedDigest(tag, out subject);
    }

    /// <summary>True for a referrers fallback tag <c>sha256-&lt;hex&gt;</c> (nothing after the hex), with the digest whose referrers it lists.</summary>
    public static bool TryGetReferrersSubject(string tag, out Digest subject)
    {
        ArgumentNullException.ThrowIfNull(tag);
        subject = default;
        return tag.Length == Prefix.Length + HexLength && NamedDigest(tag, out subject);
    }

    /// <summary>A <c>.sig</c> tag or a referrers fallback tag, with the digest it hangs off: what can hold an image's signatures.</summary>
    public static bool TryGetSignatureCarrierSubject(string tag, out Digest subject) =>
        TryGetSignedDigest(tag, out subject) || TryGetReferrersSubject(tag, out subject);

    /// <summary>
    /// True for any tag named after a digest (<c>sha256-&lt;hex&gt;</c>, optionally with a suffix such as <c>.sig</c>):
    /// a signature, attestation, SBOM or referrers index, never an image that itself needs a signature.
    /// </summary>
    public static bool NamesADigest(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        return (tag.Length == Prefix.Length + HexLength || (tag.Length > Prefix.Length + HexLength + 1 && tag[Prefix.Length + HexLength] == '.'))
            && NamedDigest(tag, out _);
    }

    private static bool NamedDigest(string tag, out Digest digest)
    {
        digest = default;
        return tag.StartsWith(Prefix, StringComparison.Ordinal)
            && tag.Length >= Prefix.Length + HexLength
            && Digest.TryFromSha256Hex(tag.Substring(Prefix.Length, HexLength), out digest);
    }
}
