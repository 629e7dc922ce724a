using System.Collections.Concurrent;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>
/// One repository's part of the walk: its tags and every object reached from them, once per digest. Findings only
/// ever relate objects of one repository, so once its walk is complete they are derived and the nodes let go.
/// </summary>
internal sealed class RepositoryGraph(string name)
{
    private int _pending;

    public string Name { get; } = name;

    public ConcurrentDictionary<Digest, ManifestNode> Manifests { get; } = new();

    public ConcurrentDictionary<Digest, BlobNode> Blobs { get; } = new();

    public ConcurrentQueue<RootNode> Roots { get; } = new();

    /// <summary>Counts in one work item of this repository's walk.</summary>
    public void Begin() => Interlocked.Increment(ref _pending);

    /// <summary>Counts one out; true for the last one: the repository's walk is complete.</summary>
    public bool End() => Interlocked.Decrement(ref _pending) == 0;
}
