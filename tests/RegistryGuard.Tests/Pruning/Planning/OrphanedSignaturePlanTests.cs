using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Pruning.Planning;
using static RegistryGuard.Tests.Pruning.InventoryBuilder;

namespace RegistryGuard.Tests.Pruning.Planning;

/// <summary>
/// A <c>.sig</c> tag, or a referrers fallback tag listing a cosign signature, whose image is gone is pruned (with the
/// signature manifests only it reaches) only when the image is known gone.
/// </summary>
public sealed class OrphanedSignaturePlanTests
{
    private const string CosignSignature = "application/vnd.dev.cosign.artifact.sig.v1+json";
    private const string Sbom = "application/spdx+json";
    private static readonly PrunePolicy Policy = new(Keep: 10);

    [Fact]
    public void On_storage_a_signature_of_a_manifest_the_repository_no_longer_holds_is_pruned_with_its_manifest()
    {
        var b = new InventoryBuilder();
        var image = b.Image("image", "layer");
        var signature = b.Image("signature-of-image", "payload");
        var orphan = b.Image("signature-of-deleted", "payload-2");
        var attestation = b.Image("attestation-of-deleted", "payload-3");
        b.Tag("1.0", image).Tag(SignatureTag(image), signature).Tag(SignatureTag(D("deleted")), orphan).Tag(SignatureTag(D("deleted"), ".att"), attestation);

        var plan = PrunePlanner.PlanRepository(b.Build(complete: true), Policy);

        var pruned = Assert.Single(plan.PrunedTags);
        Assert.Equal(SignatureTag(D("deleted")), pruned.Tag);
        Assert.StartsWith("orphaned_signature: signs ", pruned.Reason, StringComparison.Ordinal);
        Assert.True(pruned.Attached);
        Assert.Equal([orphan], plan.Deletions.Select(d => d.Digest));
        Assert.Contains("left alone", plan.Tags.Single(t => t.Tag.EndsWith(".att", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_http_a_subject_missing_from_the_inventory_is_gone_only_when_the_registry_said_404()
    {
        var b = new InventoryBuilder();
        var orphan = b.Image("signature-of-untagged-or-deleted", "payload");
        b.Tag(SignatureTag(D("untagged-or-deleted")), orphan);
        var inventory = b.Build(complete: false);

        var unknown = PrunePlanner.PlanRepository(inventory, Policy);
        var gone = PrunePlanner.PlanRepository(inventory with { GoneSubjects = new HashSet<RegistryGuard.Oci.Digest> { D("untagged-or-deleted") } }, Policy);

        Assert.Empty(unknown.PrunedTags);
        Assert.Empty(unknown.Deletions);
        Assert.Single(gone.PrunedTags);
        Assert.Equal([orphan], gone.Deletions.Select(d => d.Digest));
    }

    [Fact]
    public void An_orphaned_signature_tag_sharing_its_manifest_with_a_kept_signature_is_kept()
    {
        // The same signature manifest under two .sig tags (copied): deleting it by digest would take the kept one along.
        var b = new InventoryBuilder();
        var image = b.Image("image", "layer");
        var shared = b.Image("copied-signature", "payload");
        b.Tag("1.0", image).Tag(SignatureTag(image), shared).Tag(SignatureTag(D("deleted")), shared);

        var plan = PrunePlanner.PlanRepository(b.Build(complete: true), Policy);

        Assert.Empty(plan.PrunedTags);
        Assert.Empty(plan.Deletions);
    }

    [Fact]
    public void A_fallback_tag_listing_a_signature_of_a_gone_image_is_pruned_whole_with_the_referrers_only_it_reaches()
    {
        var b = new InventoryBuilder();
        var image = b.Image("image", "layer");
        var keptSignature = b.Referrer("signature-of-image", image, "payload");
        var keptIndex = b.FallbackIndex("referrers-of-image", (keptSignature, CosignSignature));
        var signature = b.Referrer("signature-of-deleted", D("deleted"), "payload-2");
        var sbom = b.Referrer("sbom-of-deleted", D("deleted"), "sbom");
        var orphanIndex = b.FallbackIndex("referrers-of-deleted", (signature, CosignSignature), (sbom, Sbom));
        b.Tag("1.0", image).Tag(SignatureTag(image, ""), keptIndex).Tag(SignatureTag(D("deleted"), ""), orphanIndex);

        var plan = PrunePlanner.PlanRepository(b.Build(complete: true), Policy);

        var pruned = Assert.Single(plan.PrunedTags);
        Assert.Equal((SignatureTag(D("deleted"), ""), true), (pruned.Tag, pruned.Attached));
        Assert.Equal($"orphaned_signature: referrers fallback tag listing 1 cosign signature(s) of {D("deleted").Abbreviated}, which no longer exists", pruned.Reason);
        Assert.Equal(new[] { orphanIndex, signature, sbom }.ToHashSet(), plan.Deletions.Select(d => d.Digest).ToHashSet());
        Assert.Equal(orphanIndex, plan.Deletions.First().Digest); // the index before the manifests it lists
    }

    [Fact]
    public void A_fallback_tag_listing_no_signature_is_not_a_signature_and_is_left_alone()
    {
        var b = new InventoryBuilder();
        var sbom = b.Referrer("sbom-of-deleted", D("deleted"), "sbom");
        b.Tag(SignatureTag(D("deleted"), ""), b.FallbackIndex("referrers-of-deleted", (sbom, Sbom)));

        var plan = PrunePlanner.PlanRepository(b.Build(complete: true), Policy);

        Assert.Empty(plan.PrunedTags);
        Assert.Contains("left alone", Assert.Single(plan.Tags).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_http_a_fallback_tag_is_orphaned_only_when_the_registry_said_its_subject_is_404()
    {
        var b = new InventoryBuilder();
        var signature = b.Referrer("signature-of-untagged", D("untagged"), "payload");
        var fallback = new InventoryTag(SignatureTag(D("untagged"), ""), b.FallbackIndex("referrers-of-untagged", (signature, CosignSignature)), null);
        b.Tag(fallback.Name, fallback.Digest);
        var inventory = b.Build(complete: false);

        Assert.True(OrphanedSignature.CarriesSignatures(fallback, inventory.Manifests));
        Assert.Empty(PrunePlanner.PlanRepository(inventory, Policy).PrunedTags);
        Assert.Single(PrunePlanner.PlanRepository(inventory with { GoneSubjects = new HashSet<RegistryGuard.Oci.Digest> { D("untagged") } }, Policy).PrunedTags);
    }
}
