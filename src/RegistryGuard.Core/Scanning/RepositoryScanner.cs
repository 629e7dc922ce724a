using System.Globalization;
using RegistryGuard.Common;
using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Scanning;

/// <summary>
/// Checks one repository the way distribution serves it: a manifest only through this repository's revision
/// link, a blob only through its <c>_layers</c> link, and both only when the blob data exists. Everything held
/// here is per repository and released when it is done.
/// </summary>
internal sealed class RepositoryScanner
{
    private const string GcAborts = "distribution's garbage-collect aborts on it";

    private readonly ScanContext _context;
    private readonly string _name;
    private readonly string _directory;
    private readonly bool _pullThrough;
    private HashSet<string> _layers = [];
    private HashSet<string> _revisions = [];
    private readonly List<(string Hex, string LinkPath)> _danglingLayers = [];
    private readonly HashSet<string> _referencedBlobs = new(StringComparer.Ordinal);
    private bool _layersComplete = true;
    private bool _revisionsComplete = true;
    private int _tags;

    private RepositoryScanner(ScanContext context, RepositoryDirectory repository)
    {
        _context = context;
        _name = repository.Name;
        _directory = repository.FullPath;
        _pullThrough = context.IsPullThrough(repository.Name);
    }

    public static void Scan(ScanContext context, RepositoryDirectory repository)
    {
        if (!RepositoryName.IsValid(repository.Name))
        {
            context.Add(new Finding(FindingKind.InvalidName, StorageNames.Printable(repository.Name), null, null, null,
                "repository directory name is outside the distribution grammar; not scanned"));
            return;
        }

        new RepositoryScanner(context, repository).Run();
    }

    private void Run()
    {
        _context.Counters.Repository();
        _layers = ReadDigestLinks(Path.Combine(_directory, "_layers", "sha256"), null, out _layersComplete, OnLayerLink);
        _revisions = ReadDigestLinks(Path.Combine(_directory, "_manifests", "revisions", "sha256"), null, out _revisionsComplete, OnRevisionLink);
        var tagsByDigest = ScanTags();
        CheckManifests(tagsByDigest);
        ReportDanglingLayers();
        ScanUploads();
        if (_layers.Count == 0 && _revisions.Count == 0 && _tags == 0)
        {
            _context.Counters.EmptyRepository();
        }
    }

    private void OnLayerLink(string hex, string linkPath)
    {
        _context.Counters.LayerLink();
        var entry = _context.Blobs.Find(hex);
        entry?.MarkLinked();
        switch (_context.Blobs.Presence(hex))
        {
            case BlobPresence.Absent:
                _danglingLayers.Add((hex, linkPath)); // classified once the manifests say whether anything uses it
                break;
            case BlobPresence.Present when entry!.Corrupt:
                Add(FindingKind.CorruptBlob, null, null, hex, BlobIndex.Corruption(entry));
                break;
        }
    }

    private void OnRevisionLink(string hex, string linkPath)
    {
        _context.Counters.Revision();
        var entry = _context.Blobs.Find(hex);
        entry?.MarkLinked();
        if (_context.Blobs.Presence(hex) == BlobPresence.Absent)
        {
            Add(FindingKind.DanglingRevisionLink, null, null, hex, "revision link without blob data: the manifest is gone; rebuild or delete it", repairable: false);
        }
        else if (entry is { Presence: BlobPresence.Present, Corrupt: true })
        {
            Add(FindingKind.CorruptBlob, null, null, hex, BlobIndex.Corruption(entry));
        }
    }

    private Dictionary<string, List<string>> ScanTags()
    {
        var tagsByDigest = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var tagsDirectory = Path.Combine(_directory, "_manifests", "tags");
        foreach (var entry in _context.List(_name, tagsDirectory) ?? [])
        {
            if (StorageNames.IsSymbolicLink(entry))
            {
                _context.Unreadable(_name, entry.FullName, _context.SymlinkProblem(entry));
                continue;
            }

            if (entry is not DirectoryInfo)
            {
                continue;
            }

            if (!RepositoryName.IsValidTag(entry.Name))
            {
                Add(FindingKind.InvalidName, null, null, null, $"tag directory '{StorageNames.Printable(entry.Name)}' is not a valid tag name; not checked");
                continue;
            }

            var tag = entry.Name;
            _tags++;
            _context.Counters.Tag();
            var current = LinkFile.Read(_context, Path.Combine(entry.FullName, "current", "link"), null);
            switch (current.State)
            {
                case LinkState.Missing:
                    Add(FindingKind.MissingTagLink, tag, null, null, "tag directory without current/link: the tag does not resolve");
                    break;
                case LinkState.Corrupt:
                    Add(FindingKind.CorruptLink, tag, null, null, $"{_context.Relative(Path.Combine(entry.FullName, "current", "link"))} {current.Problem}");
                    break;
                case LinkState.Unreadable:
                    _context.Unreadable(_name, Path.Combine(entry.FullName, "current", "link"), current.Problem!);
                    break;
                default:
                    var hex = _context.Blobs.Intern(current.Hex!);
                    if (!tagsByDigest.TryGetValue(hex, out var tags))
                    {
                        tagsByDigest[hex] = tags = [];
                    }

                    tags.Add(tag);
                    CheckTagTarget(tag, hex);
                    break;
            }

            ReadDigestLinks(Path.Combine(entry.FullName, "index", "sha256"), tag, out _, (hex, _) =>
            {
                if ((_revisionsComplete && !_revisions.Contains(hex)) || _context.Blobs.Presence(hex) == BlobPresence.Absent)
                {
                    _context.Add(new Finding(FindingKind.DanglingTagHistory, _name, tag, null, "sha256:" + hex,
                        "tag history entry whose manifest is gone; never served, harmless" + (_pullThrough ? " (pull-through cache: expired or never stored)" : ""))
                    { Severity = _pullThrough ? Severity.Info : FindingKind.DanglingTagHistory.DefaultSeverity() });
                }
            });
        }

        foreach (var tags in tagsByDigest.Values)
        {
            tags.Sort(StringComparer.Ordinal);
        }

        return tagsByDigest;
    }

    private void CheckTagTarget(string tag, string hex)
    {
        if (_revisionsComplete && !_revisions.Contains(hex) && _pullThrough)
        {
            // distribution's proxy TTL (7 days, with storage delete enabled) removes an expired manifest's revision
            // link and leaves its tags: measured on 2.8.2, the next pull by tag fetches the manifest again.
            _context.Add(new Finding(FindingKind.DanglingTagLink, _name, tag, null, "sha256:" + hex,
                "pull-through cache: the tag's manifest is not held (expired by the cache's TTL); the next pull by tag fetches it again while the upstream is reachable; normal")
            { Severity = Severity.Info });
        }
        else if (_revisionsComplete && !_revisions.Contains(hex))
        {
            Add(FindingKind.DanglingTagLink, tag, null, hex, "the tag points at a manifest without a revision link: the registry answers 404 for the tag");
        }
        else if (_context.Blobs.Presence(hex) == BlobPresence.Absent)
        {
            Add(FindingKind.DanglingTagLink, tag, null, hex, "the tag points at a manifest whose blob data is gone");
        }
    }

    private void CheckManifests(Dictionary<string, List<string>> tagsByDigest)
    {
        var pending = new Queue<string>(_revisions.Order(StringComparer.Ordinal));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var hex))
        {
            if (!visited.Add(hex) || _context.Blobs.Find(hex) is not { Presence: BlobPresence.Present } entry)
            {
                continue;
            }

            var manifest = _context.Manifests.Get(entry);
            if (manifest.BytesMismatch)
            {
                Add(FindingKind.CorruptBlob, null, null, hex, BlobIndex.Corruption(entry));
            }
            else if (manifest.Kind is null)
            {
                Add(FindingKind.UnreadableManifest, null, null, hex, $"{manifest.Problem}; {GcAborts}");
            }
            else if (manifest.Kind == ManifestKind.Schema1)
            {
                Add(FindingKind.UnreadableManifest, null, null, hex, manifest.Problem!);
            }
            else if (manifest.Kind == ManifestKind.Index)
            {
                var tag = tagsByDigest.TryGetValue(hex, out var tags) ? tags[0] : null;
                foreach (var child in manifest.Children)
                {
                    if (_revisions.Contains(child) || !_revisionsComplete)
                    {
                        continue;
                    }

                    if (CheckOrphan(hex, tag, child))
                    {
                        pending.Enqueue(child); // once linked back it is served: its own references must hold too
                    }
                }
            }
            else
            {
                CheckImageBlobs(hex, manifest);
            }
        }
    }

    /// <returns>Whether the child's bytes are on disk (so its own references are worth checking).</returns>
    private bool CheckOrphan(string parentHex, string? tag, string childHex)
    {
        var parent = "sha256:" + parentHex;
        var presence = _context.Blobs.Presence(childHex);
        if (_pullThrough)
        {
            _context.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, "sha256:" + childHex,
                "pull-through cache: index children are fetched when first pulled; normal") { Severity = Severity.Info });
            return false;
        }

        var severity = tag is null ? Severity.Warning : Severity.Failure;
        var reach = tag is null ? " (the index is untagged: only a pull by digest fails)" : "";
        switch (presence)
        {
            case BlobPresence.Present when !Restorable(childHex, 0):
                _context.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, "sha256:" + childHex,
                    "index child without a revision link; its bytes are on disk but its own config, layers or children are not all there: rebuild and push the image again, or delete the index" + reach)
                { Severity = severity, Repairable = false });
                return true;
            case BlobPresence.Present:
                var finding = new Finding(FindingKind.OrphanedChild, _name, tag, parent, "sha256:" + childHex,
                    "index child without a revision link, bytes still on disk: the registry answers 404; --fix writes the link back" + reach)
                { Severity = severity, Repairable = true };
                _context.Add(finding);
                var digest = Digest.Parse(finding.Digest!);
                var link = Path.Combine(_directory, "_manifests", "revisions", "sha256", childHex, "link");
                _context.Plan(new RepairAction(RepairKind.WriteRevisionLink, _name, _context.Relative(link), digest, finding));
                return true;
            case BlobPresence.Absent:
                _context.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, "sha256:" + childHex,
                    "index child without a revision link and without bytes: rebuild and push the image again, or delete the index" + reach)
                { Severity = severity, Repairable = false });
                return false;
            default:
                _context.Add(new Finding(FindingKind.OrphanedChild, _name, tag, parent, "sha256:" + childHex,
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
        if (depth > 8 || _context.Blobs.Find(hex) is not { Presence: BlobPresence.Present } entry)
        {
            return false;
        }

        var manifest = _context.Manifests.Get(entry);
        return manifest.Kind switch
        {
            ManifestKind.Image => manifest.Blobs.All(b => _layers.Contains(b.Hex) && _context.Blobs.Find(b.Hex) is { Presence: BlobPresence.Present, Corrupt: false }),
            ManifestKind.Index => manifest.Children.All(c => _revisions.Contains(c) ? _context.Blobs.Presence(c) == BlobPresence.Present : Restorable(c, depth + 1)),
            _ => false,
        };
    }

    /// <summary>
    /// garbage-collect deletes blob data but never a repository's <c>_layers</c> links, so every delete + GC leaves
    /// links that nothing references: harmless once the registry restarted (its blob-descriptor cache forgotten), a
    /// warning. A link a manifest still uses is a broken image (the seeds' 0-byte 200 when cached): a failure.
    /// </summary>
    private void ReportDanglingLayers()
    {
        foreach (var (hex, linkPath) in _danglingLayers)
        {
            var used = _referencedBlobs.Contains(hex);
            var finding = new Finding(FindingKind.DanglingLayerLink, _name, null, null, "sha256:" + hex, used
                ? "layer link without blob data, used by a manifest here: the registry cannot serve it; --fix removes the link so a pull-through cache fetches the blob again"
                : "layer link without blob data that no manifest here uses (what garbage-collect leaves after deletes); --fix removes it")
            {
                Severity = used ? Severity.Failure : Severity.Warning,
                Repairable = true,
            };
            _context.Add(finding);
            _context.Plan(new RepairAction(RepairKind.RemoveDanglingLayerLink, _name, _context.Relative(linkPath), Digest.Parse("sha256:" + hex), finding));
        }
    }

    private void CheckImageBlobs(string manifestHex, ManifestSummary manifest)
    {
        var parent = "sha256:" + manifestHex;
        foreach (var (hex, size) in manifest.Blobs)
        {
            _referencedBlobs.Add(hex);
            var presence = _context.Blobs.Presence(hex);
            if (!_layers.Contains(hex))
            {
                if (!_layersComplete)
                {
                    continue;
                }

                var detail = presence == BlobPresence.Absent
                    ? "config or layer neither linked into the repository nor on disk: the image cannot be pulled; rebuild it"
                    : "config or layer not linked into the repository: the registry answers 404 for it";
                _context.Add(new Finding(FindingKind.MissingLayerLink, _name, null, parent, "sha256:" + hex,
                    _pullThrough ? "pull-through cache: blobs are fetched when first pulled; normal" : detail)
                { Severity = _pullThrough ? Severity.Info : Severity.Failure, Repairable = false });
            }
            else if (presence == BlobPresence.Present && _context.Blobs.Find(hex) is { } entry && entry.Length != size)
            {
                _context.Add(new Finding(FindingKind.SizeMismatch, _name, null, parent, "sha256:" + hex,
                    string.Create(CultureInfo.InvariantCulture, $"blob data is {entry.Length} bytes, the manifest says {size}")));
            }
        }
    }

    private void ScanUploads()
    {
        var uploads = Path.Combine(_directory, "_uploads");
        var now = _context.Options.TimeProvider.GetUtcNow();
        foreach (var upload in _context.List(_name, uploads) ?? [])
        {
            if (StorageNames.IsSymbolicLink(upload))
            {
                _context.Unreadable(_name, upload.FullName, _context.SymlinkProblem(upload));
                continue;
            }

            if (upload is not DirectoryInfo directory)
            {
                continue;
            }

            _context.Counters.Upload();
            var started = UploadStart(directory);
            var age = now - started;
            if (age > _context.Options.UploadAge)
            {
                var size = UploadSize(directory);
                _context.Add(new Finding(FindingKind.StaleUpload, _name, null, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"upload {StorageNames.Printable(directory.Name)} started {started:yyyy-MM-dd HH:mm}Z ({age.TotalHours:0} h ago), {ByteSize.Format(size)}")));
            }
        }
    }

    private static DateTimeOffset UploadStart(DirectoryInfo upload)
    {
        var startedAt = new FileInfo(Path.Combine(upload.FullName, "startedat"));
        try
        {
            if (startedAt is { Exists: true, LinkTarget: null, Length: > 0 and <= LinkFile.MaxBytes }
                && DateTimeOffset.TryParse(File.ReadAllText(startedAt.FullName).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // fall back to the directory's time
        }

        return upload.LastWriteTimeUtc;
    }

    private long UploadSize(DirectoryInfo upload)
    {
        long total = 0;
        var pending = new Stack<(DirectoryInfo Directory, int Depth)>([(upload, 0)]);
        while (pending.TryPop(out var item))
        {
            foreach (var entry in _context.List(_name, item.Directory.FullName) ?? [])
            {
                if (StorageNames.IsSymbolicLink(entry))
                {
                    continue;
                }

                if (entry is FileInfo file)
                {
                    total += file.Length;
                }
                else if (entry is DirectoryInfo child && item.Depth < 8)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }

        return total;
    }

    /// <summary>
    /// Reads <c>sha256/&lt;hex&gt;/link</c> entries under <paramref name="directory"/>, reporting what is not a valid link.
    /// <paramref name="complete"/> is false when the directory could not be read, so absence proves nothing.
    /// </summary>
    private HashSet<string> ReadDigestLinks(string directory, string? tag, out bool complete, Action<string, string> onValid)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var entries = _context.List(_name, directory);
        complete = entries is not null;
        foreach (var entry in entries ?? [])
        {
            if (StorageNames.IsSymbolicLink(entry))
            {
                _context.Unreadable(_name, entry.FullName, _context.SymlinkProblem(entry));
                continue;
            }

            if (entry is not DirectoryInfo || !StorageNames.IsSha256Hex(entry.Name))
            {
                Add(FindingKind.CorruptLink, tag, null, null, $"{StorageNames.Printable(_context.Relative(entry.FullName), ScanContext.MaxPathLength)} is not a sha256 digest directory");
                continue;
            }

            var linkPath = Path.Combine(entry.FullName, "link");
            var link = LinkFile.Read(_context, linkPath, entry.Name);
            switch (link.State)
            {
                case LinkState.Valid:
                    var hex = _context.Blobs.Intern(link.Hex!);
                    result.Add(hex);
                    onValid(hex, linkPath);
                    break;
                case LinkState.Corrupt:
                    Add(FindingKind.CorruptLink, tag, null, entry.Name, $"{_context.Relative(linkPath)} {link.Problem}");
                    break;
                case LinkState.Unreadable:
                    _context.Unreadable(_name, linkPath, link.Problem!);
                    complete = false;
                    break;
                default:
                    break; // a digest directory without a link: distribution treats it as absent
            }
        }

        return result;
    }

    private Finding Add(FindingKind kind, string? tag, string? parent, string? hex, string detail, bool? repairable = null)
    {
        var finding = new Finding(kind, _name, tag, parent, hex is null ? null : "sha256:" + hex, detail) { Repairable = repairable };
        _context.Add(finding);
        return finding;
    }
}
