using System.Globalization;
using System.IO.Abstractions;
using RegistryGuard.Oci;
using RegistryGuard.Storage.Blobs;

namespace RegistryGuard.Storage.Repositories;

/// <summary>
/// Reads one repository's directory into <see cref="RepositoryContents"/>: its layer and revision links, its tags
/// (<c>current/link</c> and history), its uploads. Every fixed directory on the way is checked to be a real one
/// and every link file is read with <see cref="LinkFile"/>, so nothing outside the root is read through a link.
/// </summary>
internal sealed class RepositoryReader
{
    private readonly RegistryStorage _storage;
    private readonly BlobIndex _blobs;
    private readonly IStorageProgress? _progress;
    private readonly string _name;
    private readonly string _directory;
    private readonly StorageProblems _problems = new();

    private RepositoryReader(RegistryStorage storage, RepositoryDirectory repository, BlobIndex blobs, IStorageProgress? progress)
    {
        _storage = storage;
        _blobs = blobs;
        _progress = progress;
        _name = repository.Name;
        _directory = repository.FullPath;
    }

    /// <param name="blobs">Shares each digest's string with the blob index and marks linked blobs; none for a reader that needs neither.</param>
    public static RepositoryContents Read(RegistryStorage storage, RepositoryDirectory repository, RepositoryParts parts, BlobIndex? blobs = null, IStorageProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return RepositoryName.IsValid(repository.Name)
            ? new RepositoryReader(storage, repository, blobs ?? BlobIndex.Empty, progress).Read(parts)
            : new RepositoryContents(repository.Name, ValidName: false);
    }

    private RepositoryContents Read(RepositoryParts parts)
    {
        _progress?.Repository();
        var layers = parts.HasFlag(RepositoryParts.Layers) ? DigestLinks("_layers/sha256", CountLayer) : LinkSet.Empty;
        var revisions = parts.HasFlag(RepositoryParts.Revisions) ? DigestLinks("_manifests/revisions/sha256", CountRevision, StorageEntry.Revision) : LinkSet.Empty;
        var tagEntries = parts.HasFlag(RepositoryParts.Tags) ? _storage.ListChild(_directory, "_manifests/tags", _name, _problems, StorageEntry.Tag) : [];
        var tags = (tagEntries ?? []).Select(t => Tag(t, parts.HasFlag(RepositoryParts.TagHistory))).OfType<TagContents>().ToList();
        var uploads = parts.HasFlag(RepositoryParts.Uploads) ? Uploads() : [];
        var contents = new RepositoryContents(_name, ValidName: true)
        {
            Layers = layers,
            Revisions = revisions,
            Tags = tags,
            TagsComplete = tagEntries is not null,
            Uploads = uploads,
            Problems = _problems.All,
        };
        if (contents.IsEmpty)
        {
            _progress?.EmptyRepository();
        }

        return contents;
    }

    private void CountLayer(string hex)
    {
        _progress?.LayerLink();
        _blobs.Find(hex)?.MarkLinked();
    }

    private void CountRevision(string hex)
    {
        _progress?.Revision();
        _blobs.Find(hex)?.MarkLinked();
    }

    private TagContents? Tag(IFileSystemInfo entry, bool withHistory)
    {
        if (RegistryStorage.IsSymbolicLink(entry))
        {
            _problems.Add(_storage.Unreadable(_name, entry.FullName, _storage.SymlinkProblem(entry), StorageEntry.Tag, StorageNames.Printable(entry.Name)));
            return null;
        }

        if (entry is not IDirectoryInfo)
        {
            return null;
        }

        if (!RepositoryName.IsValidTag(entry.Name))
        {
            return new TagContents(entry.Name, ValidName: false, default, "");
        }

        _progress?.Tag();
        var current = Current(entry.FullName, out var problemPath);
        if (current.State == LinkState.Unreadable)
        {
            _problems.Add(_storage.Unreadable(_name, problemPath, current.Problem!, StorageEntry.Tag, StorageNames.Printable(entry.Name)));
        }

        return new TagContents(entry.Name, ValidName: true, current, StoragePaths.RelativeTagDirectory(_name, entry.Name) + "/current/link")
        {
            History = withHistory ? DigestLinks(entry.FullName, "index/sha256", null) : LinkSet.Empty,
        };
    }

    /// <param name="problemPath">What to name when it cannot be read: the link, or the <c>current</c> directory when that is a symbolic link.</param>
    private LinkRead Current(string tagDirectory, out string problemPath)
    {
        var current = Path.Combine(tagDirectory, "current");
        if (_storage.IsSymbolicLink(current))
        {
            problemPath = current;
            return new LinkRead(LinkState.Unreadable, null, _storage.SymlinkProblem(current));
        }

        problemPath = Path.Combine(current, "link");
        return LinkFile.Read(_storage, problemPath, null, withModified: true);
    }

    private LinkSet DigestLinks(string relativeDirectory, Action<string>? onValid, StorageEntry entriesAre = StorageEntry.Other) =>
        DigestLinks(_directory, relativeDirectory, onValid, entriesAre);

    /// <summary>
    /// Reads the <c>&lt;hex&gt;/link</c> entries of a <c>sha256/</c> directory. An entry that is not a digest directory
    /// or holds a link that is not its own digest is a defect; a digest directory without a link is absent, as it is
    /// to distribution.
    /// </summary>
    private LinkSet DigestLinks(string parent, string relativeDirectory, Action<string>? onValid, StorageEntry entriesAre = StorageEntry.Other)
    {
        var entries = _storage.ListChild(parent, relativeDirectory, _name, _problems, entriesAre);
        if (entries is null)
        {
            return new LinkSet(new HashSet<string>(), Complete: false, []);
        }

        var hexes = new HashSet<string>(entries.Length, StringComparer.Ordinal);
        List<LinkDefect>? defects = null;
        var complete = true;
        foreach (var entry in entries)
        {
            if (RegistryStorage.IsSymbolicLink(entry))
            {
                _problems.Add(_storage.Unreadable(_name, entry.FullName, _storage.SymlinkProblem(entry), entriesAre, StorageNames.Printable(entry.Name)));
                continue;
            }

            if (entry is not IDirectoryInfo || !StorageNames.IsSha256Hex(entry.Name))
            {
                (defects ??= []).Add(new LinkDefect(null, _storage.Printable(entry.FullName), "is not a sha256 digest directory"));
                continue;
            }

            var linkPath = Path.Combine(entry.FullName, "link");
            var link = LinkFile.Read(_storage, linkPath, entry.Name);
            switch (link.State)
            {
                case LinkState.Valid:
                    var hex = _blobs.Intern(link.Hex!);
                    hexes.Add(hex);
                    onValid?.Invoke(hex);
                    break;
                case LinkState.Corrupt:
                    (defects ??= []).Add(new LinkDefect(entry.Name, _storage.Printable(linkPath), link.Problem!));
                    break;
                case LinkState.Unreadable:
                    _problems.Add(_storage.Unreadable(_name, linkPath, link.Problem!));
                    complete = false;
                    break;
                default:
                    break; // a digest directory without a link: distribution treats it as absent
            }
        }

        return new LinkSet(hexes, complete, defects ?? []);
    }

    private List<UploadContents> Uploads()
    {
        var uploads = new List<UploadContents>();
        foreach (var upload in _storage.ListChild(_directory, "_uploads", _name, _problems) ?? [])
        {
            if (RegistryStorage.IsSymbolicLink(upload))
            {
                _problems.Add(_storage.Unreadable(_name, upload.FullName, _storage.SymlinkProblem(upload)));
                continue;
            }

            if (upload is IDirectoryInfo directory)
            {
                _progress?.Upload();
                var contents = new UploadContents(StorageNames.Printable(directory.Name), UploadStart(directory), UploadSize(directory));
                directory.Refresh();
                if (directory.Exists)
                {
                    uploads.Add(contents); // one the registry removed while it was read was finished or cancelled, not abandoned
                }
            }
        }

        return uploads;
    }

    private DateTimeOffset UploadStart(IDirectoryInfo upload)
    {
        var startedAt = _storage.FileSystem.FileInfo.New(Path.Combine(upload.FullName, "startedat"));
        try
        {
            if (startedAt.Exists && !RegistryStorage.IsSymbolicLink(startedAt) && startedAt.Length is > 0 and <= LinkFile.MaxBytes
                && DateTimeOffset.TryParse(_storage.FileSystem.File.ReadAllText(startedAt.FullName).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
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

    private long UploadSize(IDirectoryInfo upload)
    {
        long total = 0;
        var pending = new Stack<(IDirectoryInfo Directory, int Depth)>([(upload, 0)]);
        while (pending.TryPop(out var item))
        {
            foreach (var entry in _storage.List(item.Directory.FullName, _name, _problems) ?? [])
            {
                if (RegistryStorage.IsSymbolicLink(entry))
                {
                    continue;
                }

                if (entry is IFileInfo file)
                {
                    total += RegistryStorage.LengthIfPresent(file) ?? 0; // a push in progress moves and deletes its upload's files
                }
                else if (entry is IDirectoryInfo child && item.Depth < 8)
                {
                    pending.Push((child, item.Depth + 1));
                }
            }
        }

        return total;
    }
}
