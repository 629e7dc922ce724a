using System.IO.Abstractions;
using System.IO.Abstractions.TestingHelpers;
using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.Tests.TestDoubles;

/// <summary>
/// A small distribution storage tree, written the way the registry writes it: in memory (<see cref="MockFileSystem"/>)
/// by default, on the real disk with <see cref="OnDisk"/> for what a mock cannot model (symbolic links, FIFOs).
/// </summary>
internal sealed class StorageTree : IDisposable
{
    private int _seed;

    public StorageTree()
        : this(new MockFileSystem(), "/registry-" + Guid.NewGuid().ToString("N")[..8])
    {
    }

    private StorageTree(IFileSystem fileSystem, string root)
    {
        FileSystem = fileSystem;
        Root = root;
        FileSystem.Directory.CreateDirectory(Path.Combine(V2, "repositories"));
        FileSystem.Directory.CreateDirectory(Path.Combine(V2, "blobs", "sha256"));
    }

    public IFileSystem FileSystem { get; }

    public string Root { get; }

    public string V2 => StoragePaths.V2Root(Root);

    public bool IsMock => FileSystem is MockFileSystem;

    public static StorageTree OnDisk() => new(new FileSystem(), Directory.CreateTempSubdirectory("scan-tree-").FullName);

    public void Dispose()
    {
        if (!IsMock)
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    public Digest Blob(byte[] content)
    {
        var digest = Digest.Sha256Of(content);
        Write(StoragePaths.BlobData(V2, digest), content);
        return digest;
    }

    /// <summary>A layer blob linked into <paramref name="repository"/>.</summary>
    public (Digest Digest, long Size) Layer(string repository)
    {
        var content = Encoding.UTF8.GetBytes($"layer {++_seed}");
        var digest = Blob(content);
        LinkLayer(repository, digest);
        return (digest, content.Length);
    }

    /// <summary>An image manifest with a config and one layer, all linked into <paramref name="repository"/>.</summary>
    public Digest Image(string repository, bool link = true)
    {
        var config = Layer(repository);
        var layer = Layer(repository);
        var json = $$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciManifest}}","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{config.Digest}}","size":{{config.Size}}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"{{layer.Digest}}","size":{{layer.Size}}}]}""";
        var digest = Blob(Encoding.UTF8.GetBytes(json));
        if (link)
        {
            LinkRevision(repository, digest);
        }

        return digest;
    }

    public Digest Index(string repository, params Digest[] children)
    {
        var entries = string.Join(',', children.Select(c => $$"""{"mediaType":"{{MediaTypes.OciManifest}}","digest":"{{c}}","size":{{FileSystem.FileInfo.New(StoragePaths.BlobData(V2, c)).Length}}}"""));
        var digest = Blob(Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[{{entries}}]}"""));
        LinkRevision(repository, digest);
        return digest;
    }

    /// <summary>
    /// BuildKit's registry cache (<c>--cache-to type=registry</c>): an OCI index whose entries are two gzip layers and
    /// an <c>application/vnd.buildkit.cacheconfig.v0</c> config, all blobs linked under <c>_layers</c>, none a manifest.
    /// </summary>
    public (Digest Index, IReadOnlyList<Digest> Entries) CacheIndex(string repository)
    {
        var entries = new[] { (Layer(repository), MediaTypes.OciLayerGzip), (Layer(repository), MediaTypes.OciLayerGzip), (Layer(repository), MediaTypes.BuildKitCacheConfig) };
        var json = string.Join(',', entries.Select(e => $$"""{"mediaType":"{{e.Item2}}","digest":"{{e.Item1.Digest}}","size":{{e.Item1.Size}}}"""));
        var digest = Blob(Encoding.UTF8.GetBytes($$"""{"schemaVersion":2,"mediaType":"{{MediaTypes.OciIndex}}","manifests":[{{json}}]}"""));
        LinkRevision(repository, digest);
        return (digest, [.. entries.Select(e => e.Item1.Digest)]);
    }

    public void Tag(string repository, string tag, Digest digest)
    {
        Write(StoragePaths.TagCurrentLink(V2, repository, tag), Encoding.ASCII.GetBytes(digest.ToString()));
        Write(StoragePaths.TagIndexLink(V2, repository, tag, digest), Encoding.ASCII.GetBytes(digest.ToString()));
    }

    public void LinkLayer(string repository, Digest digest) => Write(StoragePaths.LayerLink(V2, repository, digest), Encoding.ASCII.GetBytes(digest.ToString()));

    public void LinkRevision(string repository, Digest digest) => Write(StoragePaths.RevisionLink(V2, repository, digest), Encoding.ASCII.GetBytes(digest.ToString()));

    public void Unlink(string linkPath) => FileSystem.Directory.Delete(Path.GetDirectoryName(linkPath)!, recursive: true);

    public void Write(string path, byte[] content)
    {
        FileSystem.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileSystem.File.WriteAllBytes(path, content);
    }

    /// <summary>Every file under <c>repositories/</c>, path to content: a whole-tree snapshot for before/after comparisons.</summary>
    public SortedDictionary<string, string> Snapshot() =>
        new(FileSystem.Directory.EnumerateFiles(Path.Combine(V2, "repositories"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(V2, f), f => Convert.ToBase64String(FileSystem.File.ReadAllBytes(f))), StringComparer.Ordinal);
}
