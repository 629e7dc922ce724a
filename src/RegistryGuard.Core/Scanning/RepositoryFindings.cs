using System.Globalization;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// Pure: one repository's facts in, its findings and planned repairs out, judged the way distribution serves it: a
/// manifest only through this repository's revision link, a blob only through its <c>_layers</c> link, and both only
/// when the blob data exists.
/// </summary>
internal sealed class RepositoryFindings
{
    /// <summary>Checked on registry 2.8.2: plain garbage-collect reads every revision as a manifest and stops at the first it cannot.</summary>
    private const string GcStops = "distribution's garbage-collect stops on it (it reads every revision as a manifest)";

    private readonly RepositoryFacts _facts;
    private readonly BlobIndex _blobs;
    private readonly string _name;
    private readonly bool _pullThrough;
    private readonly IReadOnlySet<string> _layers;
    private readonly IReadOnlySet<string> _revisions;
    private readonly bool _layersComplete;
    private readonly bool _revisionsComplete;
    private readonly HashSet<string> _referencedBlobs = new(StringComparer.Ordinal);
    private readonly List<(string Tag, string Hex)> _tags = [];
    private IReadOnlyDictionary<Digest, IReadOnlyList<string>>? _reachingTags;
    private readonly List<Finding> _findings = [];
    private readonly List<RepairAction> _repairs = [];

    private RepositoryFindings(RepositoryFacts facts, BlobIndex blobs, ScanRules rules)
    {
        _facts = facts;
        _blobs = blobs;
        _name = facts.Contents.Name;
        _pullThrough = rules.IsPullThrough(_name);
        _layers = facts.Contents.Layers.Hexes;
        _revisions = facts.Contents.Revisions.Hexes;
        _layersComplete = facts.Contents.Layers.Complete;
        _revisionsComplete = facts.Contents.Revisions.Complete;
    }

    /// <param name="blobs">What is known of blob data: presence, length, and whether its bytes were found corrupt.</param>
    public static ScanVerdict Derive(RepositoryFacts facts, BlobIndex blobs, ScanRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        if (!facts.Contents.ValidName)
        {
            return new ScanVerdict([new Finding(FindingKind.InvalidName, StorageNames.Printable(facts.Contents.Name), null, null, null,
                "repository directory name is outside the distribution grammar; not scanned")], []);
        }

        return new RepositoryFindings(facts, blobs, rules).Run(rules);
    }

    private ScanVerdict Run(ScanRules rules)
    {
        var contents = _facts.Contents;
        _findings.AddRange(contents.Problems.Select(StorageFindings.Of));
        var danglingLayers = Layers();
        Revisions();
        Tags();
        CheckManifests();
        ReportDanglingLayers(danglingLayers);
        Uploads(rules);
        return new ScanVerdict(_findings, _repairs);
    }

    private List<string> Layers()
    {
        var dangling = new List<string>();
        foreach (var hex in _layers)
        {
            var entry = _blobs.Find(hex);
            switch (_blobs.Presence(hex))
            {
                case BlobPresence.Absent:
                    dangling.Add(hex); // classified once the manifests say whether anything uses it
                    break;
                case BlobPresence.Present when entry!.Corrupt:
                    Add(FindingKind.CorruptBlob, null, null, hex, StorageFindings.Corruption(entry));
                    break;
            }
        }

        Defects(_facts.Contents.Layers, tag: null);
        return dangling;
    }

    private void Revisions()
    {
        foreach (var hex in _revisions)
        {
            var entry = _blobs.Find(hex);
            if (_blobs.Presence(hex) == BlobPresence.Absent)
            {
                Add(FindingKind.DanglingRevisionLink, null, null, hex, "revision link without blob data: the manifest is gone; rebuild or delete it", repairable: false);
            }
            else if (entry is { Presence: BlobPresence.Present, Corrupt: true })
            {
                Add(FindingKind.CorruptBlob, null, null, hex, StorageFindings.Corruption(entry));
            }
        }

        Defects(_facts.Contents.Revisions, tag: null);
    }

    private void Defects(LinkSet links, string? tag)
    {
        foreach (var defect in links.Defects)
        {
            Add(FindingKind.CorruptLink, tag, null, defect.Hex, $"{defect.Path} {defect.Problem}");
        }
    }

    private void Tags()
    {
        foreach (var tagContents in _facts.Contents.Tags)
        {
            if (!tagContents.ValidName)
            {
                Add(FindingKind.InvalidName, null, null, null, $"tag directory '{StorageNames.Printable(tagContents.Name)}' is not a valid tag name; not checked");
                continue;
            }

            var tag = tagContents.Name;
            var current = tagContents.Current;
            switch (current.State)
            {
                case LinkState.Missing:
                    Add(FindingKind.MissingTagLink, tag, null, null, "tag directory without current/link: the tag does not resolve");
                    break;
                case LinkState.Corrupt:
                    Add(FindingKind.CorruptLink, tag, null, null, $"{tagContents.CurrentPath} {current.Problem}");
                    break;
                case LinkState.Valid:
                    _tags.Add((tag, current.Hex!));
                    CheckTagTarget(tag, current.Hex!);
                    break;
                default:
                    break; // unreadable: reported with the repository's problems
            }

            foreach (var hex in tagContents.History.Hexes)
            {
                if ((_revisionsComplete && !_revisions.Contains(hex)) || _blobs.Presence(hex) == BlobPresence.Absent)
                {
                    _findings.Add(new Finding(FindingKind.DanglingTagHistory, _name, tag, null, "sha256:" + hex,
                        "tag history entry whose manifest is gone; never served, harmless" + (_pullThrough ? " (pull-through cache: expired or never stored)" : ""))
                    { Severity = _pullThrough ? Severity.Info : FindingKind.DanglingTagHistory.DefaultSeverity() });
                }
            }

            Defects(tagContents.History, tag);
        }
    }

    private void CheckTagTarget(string tag, string hex)
    {
        if (_revisionsComplete && !_revisions.Contains(hex) && _pullThrough)
        {
            // distribution's proxy TTL (7 days, with storage delete enabled) removes an expired manifest's revision
            // link and leaves its tags: measured on 2.8.2, the next pull by tag fetches the manifest again.
            _findings.Add(new Finding(FindingKind.DanglingTagLink, _name, tag, null, "sha256:" + hex,
                "pull-through cache: the tag's manifest is not held (expired by the cache's TTL); the next pull by tag fetches it again while the upstream is reachable; normal")
            { Severity = Severity.Info });
        }
        else if (_revisionsComplete && !_revisions.Contains(hex))
        {
            Add(FindingKind.DanglingTagLink, tag, null, hex, "the tag points at a manifest without a revision link: the registry answers 404 for the tag");
        }
        else if (_blobs.Presence(hex) == BlobPresence.Absent)
        {
            Add(FindingKind.DanglingTagLink, tag, null, hex, "the tag points at a manifest whose blob data is gone");
        }
    }

    private ManifestSummary? Manifest(string hex, out BlobEntry? entry)
    {
        entry = _blobs.Find(hex);
        return entry is { Presence: BlobPresence.Present } ? _facts.Manifests.GetValueOrDefault(hex) : null;
    }

    /// <summary>
    /// Every manifest the revisions reach, and every orphaned child whose bytes are on disk (once linked back it is
    /// served: its own references must hold too). Only an index's manifest entries are children; its other entries
    /// are blobs, checked like an image's config and layers.
    /// </summary>
    private void CheckManifests()
    {
        var pending = new Queue<string>(_revisions.Order(StringComparer.Ordinal));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var hex))
        {
            if (!visited.Add(hex) || Manifest(hex, out var entry) is not { } manifest)
            {
                continue;
            }

            if (manifest.BytesMismatch)
            {
                Add(FindingKind.CorruptBlob, null, null, hex, StorageFindings.Corruption(entry!));
            }
            else if (manifest.Kind is null)
            {
                Add(FindingKind.UnreadableManifest, null, null, hex,
                    manifest.Unrecognized && _revisions.Contains(hex) ? $"{manifest.Problem}; {GcStops}" : manifest.Problem!);
            }
            else if (manifest.Kind == ManifestKind.Schema1)
            {
                Add(FindingKind.UnreadableManifest, null, null, hex, manifest.Problem!);
            }
            else
            {
                CheckBlobs(hex, manifest);
                foreach (var child in manifest.Children.Where(c => _revisionsComplete && !_revisions.Contains(c)))
                {
                    if (CheckOrphan(hex, child))
                    {
                        pending.Enqueue(child);
                    }
                }
            }
        }
    }

    /// <summary>
    /// The first tag (ordinal) whose pull reaches the manifest, through any depth of indexes, or null when none does:
    /// the shared reachability model over the manifests on disk, children followed whether or not they are linked
    /// (a pull by that tag asks for them all). Computed once, and only when an orphan needs it.
    /// </summary>
    private string? FirstTagReaching(string hex)
    {
        _reachingTags ??= TagReachability.Compute(_tags.Select(t => (t.Tag, Digest.Parse("sha256:" + t.Hex))), ReferencesOf);
        return _reachingTags.TryGetValue(Digest.Parse("sha256:" + hex), out var tags) ? tags[0] : null;
    }

    /// <summary>An index's manifest entries: only manifests decide whether a tag reaches an orphan's parent.</summary>
    private ManifestReferences? ReferencesOf(Digest digest) =>
        Manifest(digest.Hex, out _) is { Children.Count: > 0 } index
            ? new ManifestReferences([.. index.Children.Select(c => new Descriptor("", Digest.Parse("sha256:" + c), 0))], [])
            : null;

    /// <returns>Whether the child's bytes are on disk (so its own references are worth checking).</returns>
    private bool CheckOrphan(string parentHex, string childHex)
    {
        var tag = FirstTagReaching(parentHex);
        var parent = "sha256:" + parentHex;
        var digest = "sha256:" + childHex;
        if (_pullThrough)
        {
            _findings.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, digest,
                "pull-through cache: index children are fetched when first pulled; normal") { Severity = Severity.Info });
            return false;
        }

        var severity = tag is null ? Severity.Warning : Severity.Failure;
        var reach = tag is null ? " (no tag reaches the index: only a pull by digest fails)" : "";
        switch (_blobs.Presence(childHex))
        {
            case BlobPresence.Present when !Restorable(childHex, 0):
                _findings.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, digest,
                    "index child without a revision link; its bytes are on disk but its own config, layers or children are not all there: rebuild and push the image again, or delete the index" + reach)
                { Severity = severity, Repairable = false });
                return true;
            case BlobPresence.Present:
                var finding = new Finding(FindingKind.OrphanedChild, _name, tag, parent, digest,
                    "index child without a revision link, bytes still on disk: the registry answers 404; --fix writes the link back" + reach)
                { Severity = severity, Repairable = true };
                _findings.Add(finding);
                _repairs.Add(new RepairAction(RepairKind.WriteRevisionLink, _name, StoragePaths.RelativeRevisionLink(_name, childHex), Digest.Parse(digest), finding));
                return true;
            case BlobPresence.Absent:
                _findings.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, digest,
                    "index child without a revision link and without bytes: rebuild and push the image again, or delete the index" + reach)
                { Severity = severity, Repairable = false });
                return false;
            default:
                _findings.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, digest,
                    "index child without a revision link; its blob data could not be checked" + reach)
                { Severity = severity });
                return false;
        }
    }

    /// <summary>
    /// Writing the child's link back fixes the pull only when everything below it is servable from this
    /// repository already; otherwise the 404 just moves to a layer.
    /// </summary>
    private bool Restorable(string hex, int depth)
    {
        if (depth > 8 || Manifest(hex, out _) is not { } manifest)
        {
            return false;
        }

        var blobsServable = manifest.Blobs.All(b => _layers.Contains(b.Hex) && _blobs.Find(b.Hex) is { Presence: BlobPresence.Present, Corrupt: false });
        return manifest.Kind switch
        {
            ManifestKind.Image => blobsServable,
            ManifestKind.Index => blobsServable && manifest.Children.All(c => _revisions.Contains(c) ? _blobs.Presence(c) == BlobPresence.Present : Restorable(c, depth + 1)),
            _ => false,
        };
    }

    /// <summary>
    /// garbage-collect deletes blob data but never a repository's <c>_layers</c> links, so every delete + GC leaves
    /// links that nothing references: harmless once the registry restarted (its blob-descriptor cache forgotten), a
    /// warning. A link a manifest still uses is a broken image (the seeds' 0-byte 200 when cached): a failure.
    /// </summary>
    private void ReportDanglingLayers(List<string> dangling)
    {
        foreach (var hex in dangling)
        {
            var used = _referencedBlobs.Contains(hex);
            var finding = new Finding(FindingKind.DanglingLayerLink, _name, null, null, "sha256:" + hex, used
                ? "layer link without blob data, used by a manifest here: the registry cannot serve it; --fix removes the link so a pull-through cache fetches the blob again"
                : "layer link without blob data that no manifest here uses (what garbage-collect leaves after deletes); --fix removes it")
            {
                Severity = used ? Severity.Failure : Severity.Warning,
                Repairable = true,
            };
            _findings.Add(finding);
            _repairs.Add(new RepairAction(RepairKind.RemoveDanglingLayerLink, _name, StoragePaths.RelativeLayerLink(_name, hex), Digest.Parse("sha256:" + hex), finding));
        }
    }

    /// <summary>An image's config and layers, an index's blob entries: each served only through this repository's <c>_layers</c> link.</summary>
    private void CheckBlobs(string manifestHex, ManifestSummary manifest)
    {
        var parent = "sha256:" + manifestHex;
        var what = manifest.Kind == ManifestKind.Index ? "index entry (a blob, such as a build cache layer)" : "config or layer";
        foreach (var (hex, size) in manifest.Blobs)
        {
            _referencedBlobs.Add(hex);
            var presence = _blobs.Presence(hex);
            if (!_layers.Contains(hex))
            {
                if (!_layersComplete)
                {
                    continue;
                }

                var detail = presence == BlobPresence.Absent
                    ? $"{what} neither linked into the repository nor on disk: it cannot be pulled; rebuild and push it again"
                    : $"{what} not linked into the repository: the registry answers 404 for it";
                _findings.Add(new Finding(FindingKind.MissingLayerLink, _name, null, parent, "sha256:" + hex,
                    _pullThrough ? "pull-through cache: blobs are fetched when first pulled; normal" : detail)
                { Severity = _pullThrough ? Severity.Info : Severity.Failure, Repairable = false });
            }
            else if (presence == BlobPresence.Present && _blobs.Find(hex) is { } entry && entry.Length != size)
            {
                _findings.Add(new Finding(FindingKind.SizeMismatch, _name, null, parent, "sha256:" + hex,
                    string.Create(CultureInfo.InvariantCulture, $"blob data is {entry.Length} bytes, the manifest says {size}")));
            }
        }
    }

    private void Uploads(ScanRules rules)
    {
        foreach (var upload in _facts.Contents.Uploads)
        {
            var age = rules.Now - upload.StartedAt;
            if (age > rules.UploadAge)
            {
                _findings.Add(new Finding(FindingKind.StaleUpload, _name, null, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"upload {upload.Name} started {upload.StartedAt:yyyy-MM-dd HH:mm}Z ({age.TotalHours:0} h ago), {ByteSize.Format(upload.Size)}")));
            }
        }
    }

    private void Add(FindingKind kind, string? tag, string? parent, string? hex, string detail, bool? repairable = null) =>
        _findings.Add(new Finding(kind, _name, tag, parent, hex is null ? null : "sha256:" + hex, detail) { Repairable = repairable });
}
