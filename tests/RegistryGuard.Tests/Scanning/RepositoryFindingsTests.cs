using System.Text;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Scanning;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Tests.Scanning;

/// <summary>The classification on plain facts: no file system at all, only what a read of the tree would have produced.</summary>
public sealed class RepositoryFindingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 19, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScanRules Rules = new([], TimeSpan.FromHours(24), Now);

    private readonly Dictionary<string, BlobEntry> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManifestSummary> _manifests = new(StringComparer.Ordinal);

    private static string Hex(string name) => Digest.Sha256Of(Encoding.UTF8.GetBytes(name)).Hex;

    private static LinkSet Links(params string[] hexes) => new(hexes.ToHashSet(StringComparer.Ordinal), Complete: true, []);

    private static TagContents Tag(string name, string hex) =>
        new(name, ValidName: true, new LinkRead(LinkState.Valid, hex, null), $"repositories/app/_manifests/tags/{name}/current/link") { History = Links(hex) };

    private string Blob(string name, long length = 10)
    {
        var hex = Hex(name);
        _blobs[hex] = new BlobEntry(hex, length, BlobPresence.Present);
        return hex;
    }

    private string Image(string name, params string[] blobs)
    {
        var hex = Blob(name);
        _manifests[hex] = new ManifestSummary(ManifestKind.Image, null) { Blobs = [.. blobs.Select(b => (b, 10L))] };
        return hex;
    }

    private string Index(string name, params string[] children)
    {
        var hex = Blob(name);
        _manifests[hex] = new ManifestSummary(ManifestKind.Index, null) { Children = children };
        return hex;
    }

    /// <summary>BuildKit's registry cache: an index whose entries are blobs (a layer, its cacheconfig), none a manifest.</summary>
    private string CacheIndex(string name, params string[] blobs)
    {
        var hex = Blob(name);
        _manifests[hex] = new ManifestSummary(ManifestKind.Index, null) { Blobs = [.. blobs.Select(b => (b, 10L))] };
        return hex;
    }

    private ScanVerdict Derive(RepositoryContents contents, ScanRules? rules = null) =>
        RepositoryFindings.Derive(new RepositoryFacts(contents, _manifests), BlobIndex.Of(_blobs.Values), rules ?? Rules);

    [Fact]
    public void A_healthy_repository_has_no_finding()
    {
        var config = Blob("config");
        var layer = Blob("layer");
        var image = Image("image", config, layer);
        var index = Index("index", image);

        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Layers = Links(config, layer),
            Revisions = Links(image, index),
            Tags = [Tag("1", index)],
        });

        Assert.Empty(verdict.Findings);
        Assert.Empty(verdict.Repairs);
    }

    [Fact]
    public void An_orphaned_child_with_everything_below_it_is_repairable_and_tagged_it_is_a_failure_untagged_a_warning()
    {
        var config = Blob("config");
        var layer = Blob("layer");
        var child = Image("child", config, layer);
        var index = Index("index", child);
        var contents = new RepositoryContents("app", ValidName: true) { Layers = Links(config, layer), Revisions = Links(index) };

        var tagged = Derive(contents with { Tags = [Tag("latest", index)] });
        var untagged = Derive(contents);

        var finding = Assert.Single(tagged.Findings);
        Assert.Equal((FindingKind.OrphanedChild, Severity.Failure, true, "latest"), (finding.Kind, finding.Severity, finding.Repairable, finding.Tag));
        var repair = Assert.Single(tagged.Repairs);
        Assert.Equal((RepairKind.WriteRevisionLink, $"repositories/app/_manifests/revisions/sha256/{child}/link"), (repair.Kind, repair.RelativePath));
        Assert.Equal(Severity.Warning, Assert.Single(untagged.Findings).Severity);
    }

    [Fact]
    public void An_orphaned_child_whose_layer_is_not_linked_is_not_repairable()
    {
        var config = Blob("config");
        var layer = Blob("layer");
        var child = Image("child", config, layer);
        var index = Index("index", child);

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Layers = Links(config), Revisions = Links(index), Tags = [Tag("1", index)] });

        var orphan = Assert.Single(verdict.Findings, f => f.Kind == FindingKind.OrphanedChild);
        Assert.False(orphan.Repairable);
        Assert.DoesNotContain(verdict.Repairs, r => r.Kind == RepairKind.WriteRevisionLink);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.MissingLayerLink && f.Digest == "sha256:" + layer && f.Parent == "sha256:" + child);
    }

    [Fact]
    public void In_a_pull_through_cache_orphans_and_unlinked_layers_are_informational()
    {
        var config = Blob("config");
        var child = Image("child", config);
        var index = Index("index", child);
        var cache = Rules with { PullThrough = [new GlobPattern("cache/**")] };

        var verdict = Derive(new RepositoryContents("cache/alpine", ValidName: true) { Revisions = Links(index, child), Tags = [Tag("3", index)] }, cache);

        var info = Assert.Single(verdict.Findings);
        Assert.Equal((FindingKind.MissingLayerLink, Severity.Info), (info.Kind, info.Severity));
        Assert.Empty(verdict.Repairs);
    }

    [Fact]
    public void A_dangling_layer_link_is_a_failure_when_a_manifest_uses_it_and_a_warning_otherwise_and_both_are_removed_by_fix()
    {
        var config = Blob("config");
        var used = Hex("used layer"); // linked, but its blob data is gone
        var leftover = Hex("leftover layer");
        var image = Image("image", config, used);

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Layers = Links(config, used, leftover), Revisions = Links(image), Tags = [Tag("1", image)] });

        var dangling = verdict.Findings.Where(f => f.Kind == FindingKind.DanglingLayerLink).ToDictionary(f => f.Digest!, f => f.Severity);
        Assert.Equal(Severity.Failure, dangling["sha256:" + used]);
        Assert.Equal(Severity.Warning, dangling["sha256:" + leftover]);
        Assert.Equal(
            new[] { $"repositories/app/_layers/sha256/{leftover}/link", $"repositories/app/_layers/sha256/{used}/link" }.Order(StringComparer.Ordinal),
            verdict.Repairs.Select(r => r.RelativePath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Absence_proves_nothing_in_a_directory_that_could_not_be_read()
    {
        var child = Image("child");
        var index = Index("index", child);
        var other = Image("other");

        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Revisions = new LinkSet(new HashSet<string>([index], StringComparer.Ordinal), Complete: false, []),
            Tags = [Tag("1", index), Tag("2", other)],
        });

        Assert.Empty(verdict.Findings); // no orphan, no dangling tag: the unread links may be there
    }

    [Fact]
    public void Tag_problems_are_classified_from_the_link_states()
    {
        var image = Image("image");
        var gone = Hex("gone");

        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Revisions = Links(image),
            Tags =
            [
                Tag("good", image) with { History = Links(image, gone) },
                new TagContents("nolink", ValidName: true, new LinkRead(LinkState.Missing, null, null), "repositories/app/_manifests/tags/nolink/current/link"),
                new TagContents("garbage", ValidName: true, new LinkRead(LinkState.Corrupt, null, "holds 'x', not sha256:<64 lowercase hex>"), "repositories/app/_manifests/tags/garbage/current/link"),
                Tag("dangling", gone),
                new TagContents("-bad", ValidName: false, default, ""),
            ],
        });

        Assert.Contains(verdict.Findings, f => f is { Kind: FindingKind.MissingTagLink, Tag: "nolink" });
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.CorruptLink && f.Tag == "garbage" && f.Detail == "repositories/app/_manifests/tags/garbage/current/link holds 'x', not sha256:<64 lowercase hex>");
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.DanglingTagLink && f.Tag == "dangling" && f.Digest == "sha256:" + gone);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.DanglingTagHistory && f.Tag == "good" && f.Digest == "sha256:" + gone);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.InvalidName && f.Detail.Contains("'-bad'", StringComparison.Ordinal));
    }

    [Fact]
    public void Corrupt_manifests_and_blobs_sizes_and_defective_links_are_reported()
    {
        var config = Blob("config", length: 7);
        var broken = Blob("broken manifest");
        _manifests[broken] = new ManifestSummary(null, "its bytes do not hash to its digest", BytesMismatch: true);
        _blobs[broken].MarkCorrupt();
        var unparsable = Blob("unparsable manifest");
        _manifests[unparsable] = new ManifestSummary(null, "not JSON") { Unrecognized = true };
        var image = Image("image", config);

        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Layers = new LinkSet(new HashSet<string>([config], StringComparer.Ordinal), Complete: true, [new LinkDefect(null, "repositories/app/_layers/sha256/zzz", "is not a sha256 digest directory")]),
            Revisions = Links(broken, unparsable, image),
        });

        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.CorruptBlob && f.Digest == "sha256:" + broken);
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.UnreadableManifest && f.Detail == "not JSON; distribution's garbage-collect stops on it (it reads every revision as a manifest)");
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.SizeMismatch && f.Detail == "blob data is 7 bytes, the manifest says 10");
        Assert.Contains(verdict.Findings, f => f.Kind == FindingKind.CorruptLink && f.Digest is null && f.Detail == "repositories/app/_layers/sha256/zzz is not a sha256 digest directory");
    }

    [Fact]
    public void What_the_reader_could_not_read_becomes_unreadable_path_and_invalid_name_findings()
    {
        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Problems =
            [
                new StorageProblem(StorageProblemKind.Unreadable, "app", "repositories/app/_manifests", "symbolic link pointing outside the storage root (to /etc); not followed"),
                new StorageProblem(StorageProblemKind.NotUtf8Name, "app", "repositories/app/_manifests/tags/?", StorageNames.LossyProblem),
            ],
        });

        Assert.Equal(
            [(FindingKind.InvalidName, "repositories/app/_manifests/tags/?: " + StorageNames.LossyProblem),
             (FindingKind.UnreadablePath, "repositories/app/_manifests: symbolic link pointing outside the storage root (to /etc); not followed")],
            verdict.Findings.Select(f => (f.Kind, f.Detail)).OrderBy(f => f.Kind));
    }

    [Fact]
    public void An_invalid_repository_name_is_the_only_finding()
    {
        var verdict = Derive(new RepositoryContents("Bad\u001bName", ValidName: false));

        var finding = Assert.Single(verdict.Findings);
        Assert.Equal((FindingKind.InvalidName, "Bad?Name"), (finding.Kind, finding.Repository));
    }

    [Fact]
    public void Only_uploads_older_than_the_threshold_are_stale()
    {
        var verdict = Derive(new RepositoryContents("app", ValidName: true)
        {
            Uploads = [new UploadContents("old", Now.AddHours(-48), 2048), new UploadContents("fresh", Now.AddHours(-1), 10)],
        });

        var stale = Assert.Single(verdict.Findings);
        Assert.Equal((FindingKind.StaleUpload, Severity.Info), (stale.Kind, stale.Severity));
        Assert.Contains("upload old started 2026-04-17 12:00Z (48 h ago)", stale.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_cache_index_has_no_children_and_its_blob_entries_are_checked_like_layers()
    {
        var layer = Blob("cache layer");
        var config = Blob("cache config");
        var cache = CacheIndex("cache", layer, config);
        var contents = new RepositoryContents("app", ValidName: true) { Layers = Links(layer, config), Revisions = Links(cache), Tags = [Tag("buildcache", cache)] };

        var healthy = Derive(contents);
        var unlinked = Derive(contents with { Layers = Links(layer) });
        _blobs[layer] = new BlobEntry(layer, 0, BlobPresence.Present); // truncated to 0 bytes
        var truncated = Derive(contents);

        Assert.Empty(healthy.Findings); // no orphaned_child, no unreadable_manifest for entries that are blobs
        var missing = Assert.Single(unlinked.Findings);
        Assert.Equal((FindingKind.MissingLayerLink, Severity.Failure, "sha256:" + cache, "sha256:" + config), (missing.Kind, missing.Severity, missing.Parent, missing.Digest));
        Assert.StartsWith("index entry (a blob", missing.Detail, StringComparison.Ordinal);
        var size = Assert.Single(truncated.Findings);
        Assert.Equal((FindingKind.SizeMismatch, "sha256:" + cache, "sha256:" + layer), (size.Kind, size.Parent, size.Digest));
    }

    [Fact]
    public void A_dangling_layer_link_a_build_cache_index_uses_is_a_failure()
    {
        var config = Blob("cache config");
        var gone = Hex("cache layer whose data is gone");
        var cache = CacheIndex("cache", gone, config);

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Layers = Links(gone, config), Revisions = Links(cache), Tags = [Tag("buildcache", cache)] });

        var dangling = Assert.Single(verdict.Findings);
        Assert.Equal((FindingKind.DanglingLayerLink, Severity.Failure, "sha256:" + gone), (dangling.Kind, dangling.Severity, dangling.Digest));
    }

    [Fact]
    public void A_corrupt_build_cache_entry_is_found_by_hashing()
    {
        var layer = Blob("cache layer");
        var cache = CacheIndex("cache", layer);
        _blobs[layer].MarkCorrupt(); // what --deep found

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Layers = Links(layer), Revisions = Links(cache), Tags = [Tag("buildcache", cache)] });

        var corrupt = Assert.Single(verdict.Findings);
        Assert.Equal((FindingKind.CorruptBlob, "sha256:" + layer), (corrupt.Kind, corrupt.Digest));
    }

    [Fact]
    public void An_orphan_under_an_untagged_index_a_tag_reaches_through_an_outer_index_is_a_failure_at_any_depth()
    {
        var grandchild = Image("grandchild");
        var greatGrandchild = Image("great-grandchild");
        var inner = Index("inner", greatGrandchild);
        var middle = Index("middle", inner, grandchild);
        var outer = Index("outer", middle);
        var contents = new RepositoryContents("app", ValidName: true) { Revisions = Links(outer, middle, inner), Tags = [Tag("b", outer), Tag("a", outer)] };

        var tagged = Derive(contents);
        var untagged = Derive(contents with { Tags = [] });

        Assert.Equal(
            [("sha256:" + middle, "sha256:" + grandchild, "a", Severity.Failure), ("sha256:" + inner, "sha256:" + greatGrandchild, "a", Severity.Failure)],
            tagged.Findings.Select(f => (f.Parent!, f.Digest!, f.Tag, f.Severity)).OrderBy(f => f.Item1 == "sha256:" + inner));
        Assert.All(tagged.Findings, f => Assert.Equal(FindingKind.OrphanedChild, f.Kind));
        Assert.Equal(2, tagged.Repairs.Count);
        Assert.All(untagged.Findings, f => Assert.Equal((FindingKind.OrphanedChild, Severity.Warning, (string?)null), (f.Kind, f.Severity, f.Tag)));
        Assert.Equal(2, untagged.Findings.Count);
    }

    [Fact]
    public void An_orphan_reached_only_through_an_orphaned_index_is_still_reached_by_the_tag()
    {
        var image = Image("image");
        var inner = Index("inner", image); // neither linked: the tag's pull asks for both
        var outer = Index("outer", inner);

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Revisions = Links(outer), Tags = [Tag("1", outer)] });

        Assert.Equal(
            [("sha256:" + outer, "sha256:" + inner, "1", Severity.Failure), ("sha256:" + inner, "sha256:" + image, "1", Severity.Failure)],
            verdict.Findings.Where(f => f.Kind == FindingKind.OrphanedChild).Select(f => (f.Parent!, f.Digest!, f.Tag, f.Severity)).OrderBy(f => f.Item1 == "sha256:" + inner));
    }

    [Fact]
    public void Only_a_revision_that_is_no_manifest_at_all_is_said_to_stop_garbage_collect()
    {
        var junk = Blob("junk revision");
        _manifests[junk] = new ManifestSummary(null, "not valid JSON") { Unrecognized = true };
        var malformed = Blob("malformed revision");
        _manifests[malformed] = new ManifestSummary(null, "image manifest has no config"); // distribution reads it; its GC runs
        var junkChild = Blob("junk child");
        _manifests[junkChild] = new ManifestSummary(null, "not valid JSON") { Unrecognized = true };
        var index = Index("index", junkChild);

        var verdict = Derive(new RepositoryContents("app", ValidName: true) { Revisions = Links(junk, malformed, index), Tags = [Tag("1", index)] });

        var unreadable = verdict.Findings.Where(f => f.Kind == FindingKind.UnreadableManifest).ToDictionary(f => f.Digest!, f => f.Detail);
        Assert.Equal("not valid JSON; distribution's garbage-collect stops on it (it reads every revision as a manifest)", unreadable["sha256:" + junk]);
        Assert.Equal("image manifest has no config", unreadable["sha256:" + malformed]);
        Assert.Equal("not valid JSON", unreadable["sha256:" + junkChild]); // not a revision: garbage-collect never reads it as a manifest
        Assert.False(Assert.Single(verdict.Findings, f => f.Kind == FindingKind.OrphanedChild).Repairable);
    }
}
