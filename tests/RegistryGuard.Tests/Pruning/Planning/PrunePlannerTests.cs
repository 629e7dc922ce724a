using RegistryGuard.Common;
using RegistryGuard.Oci;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Inventory;
using RegistryGuard.Pruning.Planning;
using static RegistryGuard.Tests.Pruning.InventoryBuilder;

namespace RegistryGuard.Tests.Pruning.Planning;

public sealed class PrunePlannerTests
{
    private static PrunePolicy Keep(int n) => PrunePolicy.Default with { Keep = n };

    private static Dictionary<string, PruneAction> TagActions(RepositoryPlan plan) => plan.Tags.ToDictionary(t => t.Tag, t => t.Action);

    private static HashSet<Digest> Deleted(RepositoryPlan plan) => [.. plan.Deletions.Select(d => d.Digest)];

    [Fact]
    public void Keeps_the_newest_n_by_push_time_and_says_why()
    {
        var b = new InventoryBuilder();
        for (var i = 1; i <= 5; i++)
        {
            b.Tag($"v{i}", b.Image($"img{i}", $"layer{i}"), hour: i);
        }

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(2));

        Assert.Equal(new[] { "v4", "v5" }, plan.Tags.Where(t => t.Action == PruneAction.Keep).Select(t => t.Tag).Order());
        Assert.Equal(new HashSet<Digest> { D("img1"), D("img2"), D("img3") }, Deleted(plan));
        Assert.StartsWith("newest 2: #1 by push time", plan.Tags.Single(t => t.Tag == "v5").Reason, StringComparison.Ordinal);
        Assert.StartsWith("beyond the newest 2: #5", plan.Tags.Single(t => t.Tag == "v1").Reason, StringComparison.Ordinal);
        Assert.All(plan.Deletions, d => Assert.Contains("only pruned tags point at it", d.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Index_children_shared_with_a_kept_index_are_kept_and_the_index_is_deleted_before_its_children()
    {
        var b = new InventoryBuilder();
        var amd64 = b.Image("amd64", "base-amd64", "app");
        var arm64Old = b.Image("arm64-old", "base-arm64", "app-old");
        var arm64New = b.Image("arm64-new", "base-arm64", "app-new");
        var oldIndex = b.Index("old", amd64, arm64Old);
        var newIndex = b.Index("new", amd64, arm64New);
        b.Tag("1.0", oldIndex, 1).Tag("1.1", newIndex, 2);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1));

        Assert.Equal([oldIndex, arm64Old], plan.Deletions.Select(d => d.Digest).ToList()); // index first
        Assert.Contains("reachable only from pruned tag 1.0", plan.Deletions.Last().Reason, StringComparison.Ordinal);
        Assert.Equal(PruneAction.Keep, plan.Manifests.Single(m => m.Digest == amd64).Action);
        Assert.Contains("kept tag 1.1", plan.Manifests.Single(m => m.Digest == amd64).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pruned_tag_sharing_a_digest_with_a_kept_tag_is_kept_with_the_reason()
    {
        var b = new InventoryBuilder();
        var old = b.Image("old", "l1");
        b.Tag("1.0", old, 1).Tag("latest", old, 1).Tag("2.0", b.Image("new", "l2"), 2);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1));

        var tag = plan.Tags.Single(t => t.Tag == "1.0");
        Assert.Equal(PruneAction.Keep, tag.Action);
        Assert.StartsWith("kept: shares digest with kept tag latest", tag.Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Deletions);
    }

    [Fact]
    public void A_pruned_tag_on_a_child_of_a_kept_index_is_kept()
    {
        var b = new InventoryBuilder();
        var child = b.Image("child", "l1");
        b.Tag("child-only", child, 1).Tag("release", b.Index("idx", child), 2);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1));

        Assert.Equal(PruneAction.Keep, plan.Tags.Single(t => t.Tag == "child-only").Action);
        Assert.Contains("still needed, reachable from kept tag release", plan.Tags.Single(t => t.Tag == "child-only").Reason, StringComparison.Ordinal);
        Assert.Empty(plan.Deletions);
    }

    [Fact]
    public void Signature_tags_live_and_die_with_their_subject_and_never_count()
    {
        var b = new InventoryBuilder();
        var kept = b.Image("kept", "l1");
        var pruned = b.Image("pruned", "l2");
        var keptSig = b.Image("sig-kept", "sig-payload-1");
        var prunedSig = b.Image("sig-pruned", "sig-payload-2");
        var prunedAtt = b.Image("att-pruned", "att-payload");
        b.Tag("new", kept, 10).Tag("old", pruned, 1)
            .Tag(SignatureTag(kept), keptSig, 20).Tag(SignatureTag(pruned), prunedSig, 21).Tag(SignatureTag(pruned, ".att"), prunedAtt, 22);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1));

        var actions = TagActions(plan);
        Assert.Equal(PruneAction.Keep, actions["new"]);       // the signatures, though newer, did not take the slot
        Assert.Equal(PruneAction.Delete, actions["old"]);
        Assert.Equal(PruneAction.Keep, actions[SignatureTag(kept)]);
        Assert.Equal(PruneAction.Delete, actions[SignatureTag(pruned)]);
        Assert.Equal(PruneAction.Delete, actions[SignatureTag(pruned, ".att")]);
        Assert.All(plan.Tags.Where(t => t.Tag.StartsWith("sha256-", StringComparison.Ordinal)), t => Assert.True(t.Attached));
        Assert.Equal(pruned, plan.Deletions.First().Digest); // the subject before what hangs off it
        Assert.Equal(new HashSet<Digest> { prunedAtt, prunedSig }, plan.Deletions.Skip(1).Select(d => d.Digest).ToHashSet());
    }

    [Fact]
    public void Referrers_by_subject_and_the_fallback_referrers_tag_follow_their_subject()
    {
        var b = new InventoryBuilder();
        var kept = b.Image("kept", "l1");
        var pruned = b.Image("pruned", "l2");
        var sbomOfKept = b.Referrer("sbom-kept", kept, "sbom1");
        var sbomOfPruned = b.Referrer("sbom-pruned", pruned, "sbom2");
        var referrersIndex = b.Index("referrers-of-kept", b.Referrer("sig-of-kept", kept, "sig1"));
        b.Tag("new", kept, 2).Tag("old", pruned, 1).Tag(SignatureTag(kept, ""), referrersIndex, 3);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1));

        Assert.Equal(PruneAction.Keep, TagActions(plan)[SignatureTag(kept, "")]);
        Assert.Equal(PruneAction.Keep, plan.Manifests.Single(m => m.Digest == sbomOfKept).Action);
        Assert.Equal([pruned, sbomOfPruned], plan.Deletions.Select(d => d.Digest).ToList());
        Assert.Contains(plan.Manifests, m => m.Digest == referrersIndex && m.Action == PruneAction.Keep);
    }

    [Fact]
    public void Untagged_manifests_are_reclaimed_unless_keep_untagged()
    {
        var b = new InventoryBuilder();
        var child = b.Image("child-of-pruned", "c");
        var prunedIndex = b.Index("pruned-index", child);
        var oldPush = b.Image("old-untagged-push", "u");
        b.Tag("new", b.Image("new", "n"), 2).Tag("old", prunedIndex, 1);
        var inventory = b.Build();

        var reclaim = PrunePlanner.PlanRepository(inventory, Keep(1));
        var keepUntagged = PrunePlanner.PlanRepository(inventory, Keep(1) with { KeepUntagged = true });

        Assert.Equal(new HashSet<Digest> { prunedIndex, child, oldPush }, Deleted(reclaim));
        Assert.Equal("untagged and reachable from no tag", reclaim.Deletions.Single(d => d.Digest == oldPush).Reason);
        Assert.Equal(new HashSet<Digest> { prunedIndex }, Deleted(keepUntagged));
        Assert.Contains("--keep-untagged", keepUntagged.Manifests.Single(m => m.Digest == oldPush).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Protected_tags_are_kept_and_do_not_count_toward_n()
    {
        var b = new InventoryBuilder();
        b.Tag("latest", b.Image("ancient", "a"), 0).Tag("v1", b.Image("one", "o"), 1).Tag("v2", b.Image("two", "t"), 2)
            .Tag("stable", b.Image("stable", "s"), 0);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(1) with { Protect = [new GlobPattern("latest"), new GlobPattern("sta*")] });

        var actions = TagActions(plan);
        Assert.Equal(PruneAction.Keep, actions["latest"]);
        Assert.Equal(PruneAction.Keep, actions["stable"]);
        Assert.Equal(PruneAction.Keep, actions["v2"]);
        Assert.Equal(PruneAction.Delete, actions["v1"]);
        Assert.Equal("protected (matches 'sta*')", plan.Tags.Single(t => t.Tag == "stable").Reason);
    }

    [Fact]
    public void Keep_regex_wins_over_delete_regex_and_delete_regex_prunes_regardless_of_age()
    {
        var b = new InventoryBuilder();
        b.Tag("pr-12", b.Image("pr12", "p12"), 9).Tag("pr-keep", b.Image("prk", "pk"), 0).Tag("v1", b.Image("v1", "1"), 1).Tag("release-1", b.Image("r1", "r"), 0);
        var policy = Keep(5) with { KeepRegex = PolicyOverrides.CompileRegex("release-.*|pr-keep"), DeleteRegex = PolicyOverrides.CompileRegex("pr-.*") };

        var actions = TagActions(PrunePlanner.PlanRepository(b.Build(), policy));

        Assert.Equal(PruneAction.Delete, actions["pr-12"]);
        Assert.Equal(PruneAction.Keep, actions["pr-keep"]);
        Assert.Equal(PruneAction.Keep, actions["release-1"]);
        Assert.Equal(PruneAction.Keep, actions["v1"]);
    }

    [Fact]
    public void Semver_ranks_versions_above_other_tags_and_by_precedence()
    {
        var b = new InventoryBuilder();
        b.Tag("v1.10.0", b.Image("a", "a"), 1).Tag("v1.9.0", b.Image("b", "b"), 9).Tag("1.10.0-rc.1", b.Image("c", "c"), 8)
            .Tag("nightly", b.Image("d", "d"), 10).Tag("2.0", b.Image("e", "e"), 0);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(2) with { Semver = true });

        Assert.Equal(new[] { "2.0", "v1.10.0" }, plan.Tags.Where(t => t.Action == PruneAction.Keep).Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.StartsWith("beyond the newest 2: #3 by version", plan.Tags.Single(t => t.Tag == "1.10.0-rc.1").Reason, StringComparison.Ordinal);
        Assert.StartsWith("beyond the newest 2: #5 by push time", plan.Tags.Single(t => t.Tag == "nightly").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_without_push_time_rank_below_and_by_name()
    {
        var b = new InventoryBuilder();
        b.Tag("b", b.Image("b", "b"), null).Tag("a", b.Image("a", "a"), null).Tag("timed", b.Image("t", "t"), 0);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(2));

        Assert.Equal(PruneAction.Delete, TagActions(plan)["a"]);
        Assert.Contains("#3 by tag name", plan.Tags.Single(t => t.Tag == "a").Reason, StringComparison.Ordinal);
        Assert.Equal(2, plan.TagsWithoutPushTime); // said once for the whole plan, not per line
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Unknown_push_times_do_not_matter_when_no_cut_goes_through_the_ranking(int keep)
    {
        var b = new InventoryBuilder();
        b.Tag("b", b.Image("b", "b"), null).Tag("a", b.Image("a", "a"), null).Tag("timed", b.Image("t", "t"), 0);

        var plan = PrunePlanner.PlanRepository(b.Build(), Keep(keep));

        Assert.Equal(0, plan.TagsWithoutPushTime);
        Assert.All(plan.Tags, t => Assert.Equal(keep == 0 ? PruneAction.Delete : PruneAction.Keep, t.Action));
    }

    [Fact]
    public void Reclaimable_bytes_count_only_blobs_no_kept_manifest_in_any_repository_references()
    {
        var app = new InventoryBuilder("app");
        app.Tag("new", app.Image("new", "base", "app-new"), 2).Tag("old", app.Image("old", "base", "app-old", "shared-elsewhere"), 1);
        var other = new InventoryBuilder("other");
        other.Tag("x", other.Image("other", "shared-elsewhere"), 1);
        var rules = new PruneRules(Keep(1)) { Include = [new GlobPattern("app")] };

        var plan = PrunePlanner.Plan([app.Build()], rules, [other.Build()], wholeStorage: true);

        Assert.Equal(new HashSet<Digest> { D("old"), D("app-old") }, plan.Reclaimable.Select(r => r.Digest).ToHashSet());
        Assert.Equal(100 + 1000, plan.BytesReclaimable); // manifest bytes + its unique layer
        Assert.False(plan.BytesAreUpperBound);
        Assert.True(PrunePlanner.Plan([app.Build()], rules).BytesAreUpperBound);
    }

    [Fact]
    public void A_buildkit_cache_index_keeps_its_blob_entries_while_kept_and_frees_them_when_pruned()
    {
        // The registry-cache form: index entries are layer blobs and a cacheconfig, not manifests.
        var cache = BuildKitCacheIndex("layer-a", "layer-b", "cache-config");
        var b = new InventoryBuilder();
        b.Tag("buildcache", cache.Digest, 1).Tag("app", b.Image("app", "layer-a"), 2);
        var inventory = b.Build();
        var withCache = new RepositoryInventory(inventory.Repository, inventory.Tags,
            new Dictionary<Digest, InventoryManifest>(inventory.Manifests) { [cache.Digest] = cache }, Complete: true);

        var kept = PrunePlanner.Plan([withCache], new PruneRules(Keep(2)), wholeStorage: true);
        var pruned = PrunePlanner.Plan([withCache], new PruneRules(Keep(1)), wholeStorage: true);

        Assert.Empty(kept.Reclaimable);
        Assert.Empty(cache.Children); // nothing under /manifests/ to keep or delete below it
        Assert.Equal([cache.Digest], pruned.Repositories.Single().Deletions.Select(d => d.Digest));
        Assert.Equal(new HashSet<Digest> { cache.Digest, D("layer-b"), D("cache-config") }, pruned.Reclaimable.Select(r => r.Digest).ToHashSet());
    }

    private static InventoryManifest BuildKitCacheIndex(params string[] blobs)
    {
        var entries = string.Join(",", blobs.Select(b => $$"""{"mediaType":"{{(b == "cache-config" ? MediaTypes.BuildKitCacheConfig : MediaTypes.OciLayerGzip)}}","digest":"{{D(b)}}","size":1000}"""));
        var bytes = System.Text.Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[{{entries}}]}""");
        return InventoryManifest.From(Digest.Sha256Of(bytes), bytes.Length, ManifestParser.Parse(bytes));
    }

    [Fact]
    public void Attached_tag_names_and_semver_precedence()
    {
        var subject = D("x");
        Assert.True(AttachedTag.TryGetSubject($"sha256-{subject.Hex}.sig", out var s) && s == subject);
        Assert.True(AttachedTag.TryGetSubject($"sha256-{subject.Hex}.sbom", out _));
        Assert.True(AttachedTag.TryGetSubject($"sha256-{subject.Hex}", out _));
        Assert.False(AttachedTag.TryGetSubject($"sha256-{subject.Hex}.foo", out _));
        Assert.False(AttachedTag.TryGetSubject("sha256-abc.sig", out _));

        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "v1.0.1", "1.1"];
        var versions = ordered.Select(t => SemanticVersion.TryParse(t, out var v) ? v! : throw new InvalidOperationException(t)).ToList();
        for (var i = 1; i < versions.Count; i++)
        {
            Assert.True(versions[i - 1].CompareTo(versions[i]) < 0, $"{ordered[i - 1]} < {ordered[i]}");
        }

        Assert.False(SemanticVersion.TryParse("latest", out _));
    }
}
