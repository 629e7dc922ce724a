using System.Collections.Concurrent;
using RegistryGuard.Oci;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>
/// What the crafted part of the corpus holds, recorded while it is pushed: every tag's final digest, and the objects
/// the breakage matrix aims at. Content pushed by real clients is known from the registry itself (<see cref="CorpusCensus"/>).
/// </summary>
internal sealed class CorpusFacts
{
    private readonly ConcurrentDictionary<(string Repository, string Tag), Digest> _tags = new();

    public IReadOnlyDictionary<(string Repository, string Tag), Digest> Tags => _tags;

    /// <summary>buildx multi-arch index (two platforms, two attestation manifests), tagged 1.1 and latest.</summary>
    public CorpusObject? Buildx { get; set; }

    /// <summary>tag → outer index → inner index → images: the grandchild case.</summary>
    public CorpusObject? Nested { get; set; }

    /// <summary>A Docker schema2 image whose last layer no other manifest uses.</summary>
    public CorpusObject? PlainImage { get; set; }

    /// <summary>A cosign <c>.sig</c> tag (its manifest; the simple-signing payload is its last blob).</summary>
    public CorpusObject? CosignSignature { get; set; }

    /// <summary>The OCI referrers fallback tag <c>sha256-&lt;hex&gt;</c>: an index whose first child is a notation signature.</summary>
    public CorpusObject? Referrers { get; set; }

    /// <summary>BuildKit's registry cache in its index form: entries are layer blobs and a cacheconfig.</summary>
    public CorpusObject? BuildCache { get; set; }

    /// <summary>The same cache as an image manifest (<c>image-manifest=true</c>), sharing the index form's layers.</summary>
    public CorpusObject? BuildCacheManifest { get; set; }

    /// <summary>A tag pushed several times over.</summary>
    public CorpusObject? Overwritten { get; set; }

    /// <summary>A repository whose every manifest was deleted through the API, then garbage-collected.</summary>
    public string? Emptied { get; set; }

    public void Tagged(string repository, string tag, Digest digest) => _tags[(repository, tag)] = digest;

    /// <summary>DELETE by digest untags every tag of the repository pointing at it.</summary>
    public void Deleted(string repository, Digest digest)
    {
        foreach (var key in _tags.Where(t => t.Key.Repository == repository && t.Value == digest).Select(t => t.Key).ToList())
        {
            _tags.TryRemove(key, out _);
        }
    }

    public static T Required<T>(T? value, string what) where T : class =>
        value ?? throw new InvalidOperationException($"the corpus was built without {what}");
}
