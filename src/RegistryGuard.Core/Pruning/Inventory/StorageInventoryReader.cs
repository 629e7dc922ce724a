using System.IO.Abstractions;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Pruning.Inventory;

/// <summary>
/// What prune needs from storage, read through the storage layer (the same discovery, link and manifest reading as
/// scan): per repository, tags (with the mtime of <c>current/link</c> as push time) and every linked manifest,
/// parsed from blob data whose bytes hash to its digest. Read-only. What cannot be read safely is left alone with
/// a warning.
/// </summary>
public sealed class StorageInventoryReader
{
    private readonly RegistryStorage _storage;
    private readonly List<string> _warnings = [];

    public StorageInventoryReader(string v2Root, IFileSystem? fileSystem = null) => _storage = new RegistryStorage(v2Root, fileSystem);

    public IReadOnlyList<string> Warnings => _warnings;

    public IReadOnlyList<RepositoryInventory> ReadAll()
    {
        if (_storage.KindOf(_storage.Repositories) == EntryKind.Missing)
        {
            throw new DirectoryNotFoundException($"{_storage.Repositories} does not exist: not a registry storage root (pass the rootdirectory, or its docker/registry/v2)");
        }

        var problems = new StorageProblems();
        var discovered = RepositoryDiscovery.Find(_storage, Environment.ProcessorCount, problems);
        if (discovered.Unreadable is { } unreadable)
        {
            throw new DirectoryNotFoundException(unreadable);
        }

        _warnings.AddRange(problems.All.Select(Describe));
        var inventories = new List<RepositoryInventory>();
        foreach (var repository in discovered.Repositories)
        {
            if (RepositoryName.IsValid(repository.Name))
            {
                inventories.Add(Read(repository));
            }
            else
            {
                _warnings.Add($"'{StorageNames.Printable(repository.Name)}' is not a valid repository name; left alone");
            }
        }

        return inventories;
    }

    /// <param name="repository">A valid repository name.</param>
    public RepositoryInventory Read(string repository) => Read(new RepositoryDirectory(repository, StoragePaths.Repository(_storage.V2Root, repository)));

    private RepositoryInventory Read(RepositoryDirectory directory)
    {
        var repository = directory.Name;
        if (_storage.LinkOnTheWay(directory.FullPath) is { } link)
        {
            _warnings.Add($"{repository}: {link}; not followed, left alone");
            return new RepositoryInventory(repository, [], new Dictionary<Digest, InventoryManifest>(), Complete: false);
        }

        var contents = RepositoryReader.Read(_storage, directory, RepositoryParts.Tags | RepositoryParts.Revisions);
        _warnings.AddRange(contents.Problems.Select(Describe));
        var tags = new List<InventoryTag>();
        foreach (var tag in contents.Tags.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (tag is { ValidName: true, Current: { State: LinkState.Valid, Hex: { } hex, Modified: { } modified } })
            {
                tags.Add(new InventoryTag(tag.Name, Digest.Parse("sha256:" + hex), new DateTimeOffset(modified, TimeSpan.Zero)));
            }
            else if (tag.Current.State != LinkState.Unreadable)
            {
                _warnings.Add($"{repository}: tag directory '{StorageNames.Printable(tag.Name)}' has no readable current/link; left alone");
            }
        }

        foreach (var defect in contents.Revisions.Defects)
        {
            _warnings.Add($"{repository}: {defect.Path} {defect.Problem}; left alone");
        }

        var manifests = new Dictionary<Digest, InventoryManifest>();
        var digests = contents.Revisions.Hexes.Select(h => Digest.Parse("sha256:" + h));
        foreach (var digest in digests.Concat(tags.Select(t => t.Digest)).Distinct())
        {
            manifests[digest] = ReadManifest(repository, digest);
        }

        // A tag whose link could not be read (or that is a symbolic link) may point anywhere: its repository is not known whole.
        var tagUnread = contents.Problems.Any(p => p.Entry == StorageEntry.Tag && p.Kind == StorageProblemKind.Unreadable);
        return new RepositoryInventory(repository, tags, manifests, Complete: contents.Revisions.Complete && contents.TagsComplete && !tagUnread);
    }

    private InventoryManifest ReadManifest(string repository, Digest digest)
    {
        var read = ManifestBlob.Read(_storage, digest.Hex);
        switch (read.State)
        {
            case ManifestBlobState.Valid:
                try
                {
                    return InventoryManifest.From(digest, read.Bytes!.LongLength, ManifestParser.Parse(read.Bytes));
                }
                catch (ManifestFormatException ex)
                {
                    _warnings.Add($"{repository}: manifest {digest} is unreadable ({ex.Message})");
                    return new InventoryManifest(digest, "", 0, Readable: false);
                }

            case ManifestBlobState.Absent or ManifestBlobState.TooLarge:
                _warnings.Add($"{repository}: manifest {digest} has no readable blob data");
                return new InventoryManifest(digest, "", read.Length, Readable: false);
            default:
                _warnings.Add($"{repository}: manifest {digest} is unreadable (its blob data {read.Problem})");
                return new InventoryManifest(digest, "", 0, Readable: false);
        }
    }

    private static string Describe(StorageProblem problem) => problem.Entry switch
    {
        StorageEntry.Repository when problem.Kind == StorageProblemKind.NotUtf8Name => $"'{problem.Name}': {problem.Detail}; it and everything below it left alone",
        StorageEntry.Repository => $"'{problem.Name}': {problem.Detail}; left alone",
        StorageEntry.Tag => $"{problem.Repository}: tag directory '{problem.Name}': {problem.Detail}; left alone",
        StorageEntry.Revision => $"{problem.Repository}: revision directory '{problem.Name}': {problem.Detail}; left alone",
        _ when problem.Repository.Length == 0 => $"'{problem.Path}': {problem.Detail}; left alone",
        _ => $"{problem.Repository}: '{problem.Path}': {problem.Detail}; left alone",
    };
}
