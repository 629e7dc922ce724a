using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Scanning;
using RegistryGuard.Storage;

namespace RegistryGuard.Pruning;

/// <summary>
/// The minimal storage reader prune needs: per repository, tags (with the mtime of <c>current/link</c> as push
/// time) and every linked manifest, parsed from blob data. Read-only.
/// </summary>
public sealed class StorageInventoryReader
{
    private const long MaxManifestBytes = 4 * 1024 * 1024;
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "_manifests", "_layers", "_uploads" };
    private readonly string _v2Root;
    private readonly List<string> _warnings = [];

    public StorageInventoryReader(string v2Root) => _v2Root = v2Root;

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<RepositoryInventory> ReadAll()
    {
        var repositories = Path.Combine(_v2Root, "repositories");
        if (!Directory.Exists(repositories))
        {
            throw new DirectoryNotFoundException($"{repositories} does not exist: not a registry storage root (pass the rootdirectory, or its docker/registry/v2)");
        }

        return [.. RepositoryNames(repositories, "").Order(StringComparer.Ordinal).Select(Read)];
    }

    public RepositoryInventory Read(string repository)
    {
        var tags = new List<InventoryTag>();
        var tagsDirectory = Path.Combine(StoragePaths.Repository(_v2Root, repository), "_manifests", "tags");
        if (Directory.Exists(tagsDirectory))
        {
            foreach (var directory in Directory.EnumerateDirectories(tagsDirectory).Order(StringComparer.Ordinal))
            {
                var tag = Path.GetFileName(directory);
                if (StorageNames.IsLossy(tag))
                {
                    _warnings.Add($"{repository}: tag directory '{StorageNames.Printable(tag)}': {StorageNames.LossyProblem}; left alone");
                    continue;
                }

                var link = StoragePaths.TagCurrentLink(_v2Root, repository, tag);
                if (RepositoryName.IsValidTag(tag) && ReadLink(link) is { } digest)
                {
                    tags.Add(new InventoryTag(tag, digest, new DateTimeOffset(File.GetLastWriteTimeUtc(link), TimeSpan.Zero)));
                }
                else
                {
                    _warnings.Add($"{repository}: tag directory '{StorageNames.Printable(tag)}' has no readable current/link; left alone");
                }
            }
        }

        var manifests = new Dictionary<Digest, InventoryManifest>();
        var revisions = Path.Combine(StoragePaths.Repository(_v2Root, repository), "_manifests", "revisions", "sha256");
        var revisionNames = Directory.Exists(revisions) ? Directory.EnumerateDirectories(revisions).Select(Path.GetFileName).OfType<string>().ToList() : [];
        foreach (var lossy in revisionNames.Where(n => StorageNames.IsLossy(n)))
        {
            _warnings.Add($"{repository}: revision directory '{StorageNames.Printable(lossy)}': {StorageNames.LossyProblem}; left alone");
        }

        var digests = revisionNames.Select(n => Digest.TryFromSha256Hex(n, out var x) ? x : (Digest?)null)
            .OfType<Digest>().Where(d => File.Exists(StoragePaths.RevisionLink(_v2Root, repository, d)));
        foreach (var digest in digests.Concat(tags.Select(t => t.Digest)).Distinct())
        {
            manifests[digest] = ReadManifest(repository, digest);
        }

        return new RepositoryInventory(repository, tags, manifests, Complete: true);
    }

    private InventoryManifest ReadManifest(string repository, Digest digest)
    {
        var path = StoragePaths.BlobData(_v2Root, digest);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxManifestBytes)
            {
                _warnings.Add($"{repository}: manifest {digest} has no readable blob data");
                return new InventoryManifest(digest, "", info.Exists ? info.Length : 0, Readable: false);
            }

            var bytes = File.ReadAllBytes(path);
            return InventoryManifest.From(digest, bytes.LongLength, ManifestParser.Parse(bytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ManifestFormatException)
        {
            _warnings.Add($"{repository}: manifest {digest} is unreadable ({ex.Message})");
            return new InventoryManifest(digest, "", 0, Readable: false);
        }
    }

    private static Digest? ReadLink(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length < 1024 && Digest.TryParse(Encoding.ASCII.GetString(File.ReadAllBytes(path)).Trim(), out var digest) ? digest : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private IEnumerable<string> RepositoryNames(string directory, string prefix)
    {
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (Reserved.Contains(name))
            {
                continue;
            }

            var repository = prefix.Length == 0 ? name : $"{prefix}/{name}";
            if (StorageNames.IsLossy(name))
            {
                _warnings.Add($"'{StorageNames.Printable(repository)}': {StorageNames.LossyProblem}; it and everything below it left alone");
                continue;
            }

            if (Directory.Exists(Path.Combine(child, "_manifests")))
            {
                if (RepositoryName.IsValid(repository))
                {
                    yield return repository;
                }
                else
                {
                    _warnings.Add($"'{StorageNames.Printable(repository)}' is not a valid repository name; left alone");
                    continue;
                }
            }

            foreach (var nested in RepositoryNames(child, repository))
            {
                yield return nested;
            }
        }
    }
}
