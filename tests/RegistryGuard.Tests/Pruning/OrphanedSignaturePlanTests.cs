using RegistryGuard.Pruning;
using static RegistryGuard.Tests.Pruning.InventoryBuilder;

namespace RegistryGuard.Tests.Pruning;

/// <summary>A <c>.sig</c> tag whose image is gone is pruned (and its signature manifest with it) only when the image is known gone.</summary>
public sealed class OrphanedSignaturePlanTests
{
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
}
