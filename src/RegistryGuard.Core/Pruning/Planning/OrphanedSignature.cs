using System.Globalization;
using RegistryGuard.Oci;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Signatures;

namespace RegistryGuard.Pruning.Planning;

/// <summary>
/// Signature tags whose image is gone: a <c>sha256-&lt;hex&gt;.sig</c> tag, or a referrers fallback tag
/// <c>sha256-&lt;hex&gt;</c> whose index lists at least one cosign signature. Every entry of a fallback tag refers to
/// the digest the tag is named after, so the whole tag goes (rewriting the index would need a push, which prune never
/// makes); a fallback tag listing only other artifacts is not a signature and is left alone.
/// </summary>
internal static class OrphanedSignature
{
    /// <summary>Whether the tag can hold signatures: worth asking the registry whether its subject still exists.</summary>
    public static bool CarriesSignatures(InventoryTag tag, IReadOnlyDictionary<Digest, InventoryManifest> manifests) =>
        SignatureTag.TryGetSignedDigest(tag.Name, out _) || SignaturesListed(tag, manifests) > 0;

    /// <summary>The reason to prune the tag, or null when it is not a signature whose image is certainly gone.</summary>
    public static string? Reason(RepositoryInventory inventory, InventoryTag tag, Digest subject)
    {
        if (!inventory.IsGone(subject))
        {
            return null;
        }

        if (SignatureTag.TryGetSignedDigest(tag.Name, out _))
        {
            return $"orphaned_signature: signs {subject.Abbreviated}, which no longer exists";
        }

        var signatures = SignaturesListed(tag, inventory.Manifests);
        return signatures == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"orphaned_signature: referrers fallback tag listing {signatures} cosign signature(s) of {subject.Abbreviated}, which no longer exists");
    }

    private static int SignaturesListed(InventoryTag tag, IReadOnlyDictionary<Digest, InventoryManifest> manifests) =>
        SignatureTag.TryGetReferrersSubject(tag.Name, out _) && manifests.TryGetValue(tag.Digest, out var index)
            ? index.Children.Count(CosignFormat.IsSignatureReferrer)
            : 0;
}
