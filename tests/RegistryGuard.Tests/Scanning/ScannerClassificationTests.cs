using System.Text;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Scanning;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Scanning;

/// <summary>The scanner's classifications on small storage trees, in memory (MockFileSystem): the whole read-and-derive path in milliseconds.</summary>
public sealed class ScannerClassificationTests : IDisposable
{
    private readonly StorageTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private ScanReport Scan(ScanOptions? options = null) => new Scanner(options ?? new ScanOptions(_tree.Root), _tree.FileSystem).Scan(CancellationToken.None);

    [Fact]
    public void Healthy_tree_with_nested_and_empty_repositories_is_clean()
    {
        var image = _tree.Image("team/app");
        _tree.Tag("team/app", "1", image);
        var nested = _tree.Image("team/app/api");
        _tree.Tag("team/app/api", "1", _tree.Index("team/app/api", nested));
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(StoragePaths.Repository(_tree.V2, "empty"), "_manifests"));

        var report = Scan();

        Assert.Empty(report.Findings);
        Assert.Equal(0, report.ExitCode);
        Assert.Equal((3, 1, 2), (report.Summary.Repositories, report.Summary.EmptyRepositories, report.Summary.Tags));
        Assert.Equal(3, report.Summary.Revisions);
        Assert.Equal(4, report.Summary.LayerLinks);
    }

    [Fact]
    public void Orphaned_child_is_repairable_when_its_bytes_and_layers_are_there_and_not_when_its_bytes_are_gone()
    {
        var kept = _tree.Image("app");
        var gone = _tree.Image("app");
        var index = _tree.Index("app", kept, gone);
        _tree.Tag("app", "latest", index);
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "app", kept));
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "app", gone));
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, gone));

        var report = Scan();

        var orphans = report.Findings.Where(f => f.Kind == FindingKind.OrphanedChild).ToDictionary(f => f.Digest!);
        Assert.Equal(2, orphans.Count);
        Assert.Equal((true, Severity.Failure, "latest", index.ToString()), (orphans[kept.ToString()].Repairable, orphans[kept.ToString()].Severity, orphans[kept.ToString()].Tag, orphans[kept.ToString()].Parent));
        Assert.False(orphans[gone.ToString()].Repairable);
        var repair = Assert.Single(report.Repairs);
        Assert.Equal((RepairKind.WriteRevisionLink, kept), (repair.Kind, repair.Digest));
        Assert.Equal($"repositories/app/_manifests/revisions/sha256/{kept.Hex}/link", repair.RelativePath);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void Orphans_of_an_untagged_index_are_warnings_and_in_a_pull_through_cache_informational()
    {
        var child = _tree.Image("cache/library/alpine");
        _tree.Index("cache/library/alpine", child);
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "cache/library/alpine", child));

        var plain = Scan();
        var cache = Scan(new ScanOptions(_tree.Root) { PullThrough = [new GlobPattern("cache/**")] });

        Assert.Equal(Severity.Warning, Assert.Single(plain.Findings).Severity);
        Assert.Equal(0, plain.ExitCode);
        var info = Assert.Single(cache.Findings);
        Assert.Equal((FindingKind.OrphanedChild, Severity.Info, (bool?)null), (info.Kind, info.Severity, info.Repairable));
        Assert.Empty(cache.Repairs);
    }

    [Fact]
    public void Tag_problems_are_classified()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "good", image);
        _tree.Tag("app", "nolink", image);
        _tree.FileSystem.File.Delete(StoragePaths.TagCurrentLink(_tree.V2, "app", "nolink"));
        var unlinked = _tree.Image("app", link: false);
        _tree.Tag("app", "dangling", unlinked);
        var old = _tree.Image("app");
        _tree.Write(StoragePaths.TagIndexLink(_tree.V2, "app", "good", old), Encoding.ASCII.GetBytes(old.ToString()));
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, old));
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(StoragePaths.Repository(_tree.V2, "app"), "_manifests", "tags", "-bad"));

        var findings = Scan().Findings;

        Assert.Contains(findings, f => f is { Kind: FindingKind.MissingTagLink, Tag: "nolink" });
        Assert.Contains(findings, f => f.Kind == FindingKind.DanglingTagLink && f.Tag == "dangling" && f.Digest == unlinked.ToString());
        Assert.Contains(findings, f => f.Kind == FindingKind.DanglingTagHistory && f.Tag == "good" && f.Severity == Severity.Warning);
        Assert.Contains(findings, f => f.Kind == FindingKind.DanglingRevisionLink && f.Digest == old.ToString());
        Assert.Contains(findings, f => f.Kind == FindingKind.InvalidName && f.Detail.Contains("'-bad'", StringComparison.Ordinal));
    }

    [Fact]
    public void Layer_problems_are_classified_and_only_dangling_links_are_planned_for_removal()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        var manifest = RegistryGuard.Oci.ManifestParser.Parse(_tree.FileSystem.File.ReadAllBytes(StoragePaths.BlobData(_tree.V2, image)));
        var config = manifest.Config!.Digest;
        var layer = manifest.Layers[0].Digest;
        _tree.Unlink(StoragePaths.LayerLink(_tree.V2, "app", config));
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, layer));

        var report = Scan();

        Assert.Contains(report.Findings, f => f.Kind == FindingKind.MissingLayerLink && f.Digest == config.ToString() && f.Parent == image.ToString());
        Assert.Contains(report.Findings, f => f.Kind == FindingKind.DanglingLayerLink && f.Digest == layer.ToString() && f.Repairable == true);
        var repair = Assert.Single(report.Repairs);
        Assert.Equal(RepairKind.RemoveDanglingLayerLink, repair.Kind);
        Assert.Contains("would remove dangling layer link", repair.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dangling_layer_link_no_manifest_uses_is_what_gc_leaves_behind_a_warning_fix_still_removes()
    {
        var kept = _tree.Image("app");
        _tree.Tag("app", "1", kept);
        var deleted = _tree.Image("app"); // an image whose manifest was deleted, then garbage-collected
        var layer = RegistryGuard.Oci.ManifestParser.Parse(_tree.FileSystem.File.ReadAllBytes(StoragePaths.BlobData(_tree.V2, deleted))).Layers[0].Digest;
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "app", deleted));
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, deleted));
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, layer));

        var report = Scan();

        var finding = Assert.Single(report.Findings, f => f.Kind == FindingKind.DanglingLayerLink && f.Digest == layer.ToString());
        Assert.Equal((Severity.Warning, true), (finding.Severity, finding.Repairable));
        Assert.Contains(report.Repairs, r => r.Kind == RepairKind.RemoveDanglingLayerLink && r.Digest == layer);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void Manifest_bytes_that_do_not_match_their_digest_are_corrupt_without_deep()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        _tree.FileSystem.File.WriteAllText(StoragePaths.BlobData(_tree.V2, image), "{\"schemaVersion\":2}");

        var finding = Assert.Single(Scan().Findings);

        Assert.Equal((FindingKind.CorruptBlob, image.ToString()), (finding.Kind, finding.Digest));
    }

    [Fact]
    public void Deep_hashes_each_blob_once_and_finds_same_size_corruption()
    {
        var image = _tree.Image("app");
        _tree.Tag("app", "1", image);
        var other = _tree.Image("other");
        _tree.Tag("other", "1", other);
        var layer = RegistryGuard.Oci.ManifestParser.Parse(_tree.FileSystem.File.ReadAllBytes(StoragePaths.BlobData(_tree.V2, image))).Layers[0].Digest;
        _tree.LinkLayer("other", layer); // one blob, two repositories
        var path = StoragePaths.BlobData(_tree.V2, layer);
        var bytes = _tree.FileSystem.File.ReadAllBytes(path);
        bytes[0] ^= 0xff;
        _tree.FileSystem.File.WriteAllBytes(path, bytes);

        var shallow = Scan();
        var deep = Scan(new ScanOptions(_tree.Root) { Deep = true });

        Assert.Empty(shallow.Findings);
        Assert.Equal(_tree.FileSystem.Directory.EnumerateFiles(Path.Combine(_tree.V2, "blobs"), "data", SearchOption.AllDirectories).Count(), deep.Summary.BlobsHashed);
        Assert.Equal(["app", "other"], deep.Findings.Where(f => f.Kind == FindingKind.CorruptBlob).Select(f => f.Repository).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Invalid_repository_names_are_reported_and_never_scanned()
    {
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(_tree.V2, "repositories", "Upper", "_manifests", "tags", "x"));
        _tree.FileSystem.Directory.CreateDirectory(Path.Combine(_tree.V2, "repositories", "bad\u001bname", "_layers"));

        var findings = Scan().Findings;

        Assert.Equal(["Upper", "bad?name"], findings.Where(f => f.Kind == FindingKind.InvalidName).Select(f => f.Repository).Order(StringComparer.Ordinal));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public void Only_uploads_older_than_the_threshold_are_reported_with_their_size()
    {
        var now = new DateTimeOffset(2026, 4, 19, 12, 0, 0, TimeSpan.Zero);
        var uploads = Path.Combine(StoragePaths.Repository(_tree.V2, "app"), "_uploads");
        _tree.Write(Path.Combine(uploads, "old", "data"), new byte[2048]);
        _tree.Write(Path.Combine(uploads, "old", "startedat"), "2026-04-17T12:00:00Z"u8.ToArray());
        _tree.Write(Path.Combine(uploads, "fresh", "startedat"), "2026-04-19T11:00:00Z"u8.ToArray());

        var report = Scan(new ScanOptions(_tree.Root) { TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now) });

        var stale = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.StaleUpload, Severity.Info), (stale.Kind, stale.Severity));
        Assert.Contains("upload old", stale.Detail, StringComparison.Ordinal);
        Assert.Contains("(48 h ago)", stale.Detail, StringComparison.Ordinal);
        Assert.Equal(2, report.Summary.Uploads);
        Assert.Equal(0, report.ExitCode);
    }

    [Fact]
    public void A_build_cache_index_s_entries_are_blobs_read_from_layers_never_manifests()
    {
        var (cache, entries) = _tree.CacheIndex("app");
        _tree.Tag("app", "buildcache", cache);
        var clean = Scan(new ScanOptions(_tree.Root) { Deep = true });
        _tree.Unlink(StoragePaths.LayerLink(_tree.V2, "app", entries[2]));

        var unlinked = Scan();

        Assert.Empty(clean.Findings);
        var missing = Assert.Single(unlinked.Findings);
        Assert.Equal((FindingKind.MissingLayerLink, Severity.Failure, cache.ToString(), entries[2].ToString()), (missing.Kind, missing.Severity, missing.Parent, missing.Digest));
    }

    [Fact]
    public void A_repository_emptied_by_delete_and_garbage_collect_is_empty_whatever_layer_links_and_uploads_it_keeps()
    {
        var image = _tree.Image("emptied");
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "emptied", image)); // DELETE by digest: revision and tag links go
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, image)); // GC: the data goes, the _layers links stay
        _tree.Write(Path.Combine(StoragePaths.Repository(_tree.V2, "never-pushed"), "_uploads", "4f1c", "startedat"), "2026-04-19T11:00:00Z"u8.ToArray());
        _tree.Tag("app", "1", _tree.Image("app"));

        var report = Scan();

        Assert.Equal((3, 2), (report.Summary.Repositories, report.Summary.EmptyRepositories));
    }

    [Fact]
    public void Fix_then_undo_round_trips_the_tree_byte_for_byte()
    {
        var child = _tree.Image("app");
        var index = _tree.Index("app", child);
        _tree.Tag("app", "1", index);
        _tree.Unlink(StoragePaths.RevisionLink(_tree.V2, "app", child));
        var danglingLayer = _tree.Layer("app").Digest;
        _tree.FileSystem.File.Delete(StoragePaths.BlobData(_tree.V2, danglingLayer));
        var before = _tree.Snapshot();
        var journal = Path.Combine(_tree.Root, "journal.jsonl");
        var scanner = new Scanner(new ScanOptions(_tree.Root), _tree.FileSystem);

        var fixedReport = scanner.Fix(scanner.Scan(CancellationToken.None), journal, CancellationToken.None);

        Assert.Equal(2, fixedReport.Summary.RepairsMade);
        Assert.Empty(fixedReport.Remaining!);
        Assert.Equal(0, fixedReport.ExitCode);
        Assert.Equal(child.ToString(), _tree.FileSystem.File.ReadAllText(StoragePaths.RevisionLink(_tree.V2, "app", child)));
        Assert.False(_tree.FileSystem.File.Exists(StoragePaths.LayerLink(_tree.V2, "app", danglingLayer)));

        var undo = JournalUndo.Undo(journal, _tree.FileSystem);

        Assert.Equal(2, undo.Restored);
        Assert.Equal(before, _tree.Snapshot());
    }
}
