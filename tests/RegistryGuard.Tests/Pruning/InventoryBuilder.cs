using System.Text;
using RegistryGuard.Oci;
using RegistryGuard.Pruning;
using RegistryGuard.Pruning.Inventory;

namespace RegistryGuard.Tests.Pruning;

/// <summary>Plain inventories for planner tests: names become digests, sizes are chosen to make sums readable.</summary>
internal sealed class InventoryBuilder(string repository = "app")
{
    private static readonly DateTimeOffset Epoch = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<Digest, InventoryManifest> _manifests = [];
    private readonly List<InventoryTag> _tags = [];

    public static Digest D(string name) => Digest.Sha256Of(Encoding.UTF8.GetBytes(name));

    public Digest Image(string name, params string[] blobs)
    {
        var digest = D(name);
        _manifests[digest] = new InventoryManifest(digest, MediaTypes.OciManifest, 100)
        {
            Blobs = [.. blobs.Select(b => new Descriptor(MediaTypes.OciLayerGzip, D(b), 1000))],
        };
        return digest;
    }

    public Digest Index(string name, params Digest[] children)
    {
        var digest = D(name);
        _manifests[digest] = new InventoryManifest(digest, MediaTypes.OciIndex, 100)
        {
            Children = [.. children.Select(c => new Descriptor(MediaTypes.OciManifest, c, 100))],
        };
        return digest;
    }

    /// <summary>A referrers fallback index (<c>sha256-&lt;hex&gt;</c> tag): the referrers with their artifact types.</summary>
    public Digest FallbackIndex(string name, params (Digest Referrer, string ArtifactType)[] referrers)
    {
        var digest = D(name);
        _manifests[digest] = new InventoryManifest(digest, MediaTypes.OciIndex, 100)
        {
            Children = [.. referrers.Select(r => new Descriptor(MediaTypes.OciManifest, r.Referrer, 100) { ArtifactType = r.ArtifactType })],
        };
        return digest;
    }

    public Digest Referrer(string name, Digest subject, params string[] blobs)
    {
        var digest = Image(name, blobs);
        _manifests[digest] = _manifests[digest] with { Subject = subject };
        return digest;
    }

    /// <summary>A tag pushed <paramref name="hour"/> hours after the epoch: larger is newer.</summary>
    public InventoryBuilder Tag(string tag, Digest digest, int? hour = 0)
    {
        _tags.Add(new InventoryTag(tag, digest, hour is null ? null : Epoch.AddHours(hour.Value)));
        return this;
    }

    public static string SignatureTag(Digest subject, string suffix = ".sig") => $"sha256-{subject.Hex}{suffix}";

    public RepositoryInventory Build(bool complete = true) => new(repository, [.. _tags], new Dictionary<Digest, InventoryManifest>(_manifests), complete);
}
