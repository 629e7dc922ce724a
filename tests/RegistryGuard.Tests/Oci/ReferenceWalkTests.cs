using System.Text;
using RegistryGuard.Oci;

namespace RegistryGuard.Tests.Oci;

public sealed class ReferenceWalkTests
{
    private static Digest D(string name) => Digest.Sha256Of(Encoding.UTF8.GetBytes(name));

    private static Descriptor M(string name) => new(MediaTypes.OciManifest, D(name), 1);

    private static Descriptor B(string name, string mediaType = MediaTypes.OciLayerGzip) => new(mediaType, D(name), 1);

    /// <summary>tag → outer index → inner index → image → config, layer; outer also holds a BuildKit-style blob entry.</summary>
    private static readonly Dictionary<Digest, ManifestReferences> Graph = new()
    {
        [D("outer")] = new([new Descriptor(MediaTypes.OciIndex, D("inner"), 1)], [B("cache-config", MediaTypes.BuildKitCacheConfig)]),
        [D("inner")] = new([M("image"), M("attestation")], []),
        [D("image")] = new([], [B("config"), B("layer")]),
        [D("attestation")] = new([], [B("config"), B("statement")]),
    };

    private static ManifestReferences? Of(Digest digest) => Graph.GetValueOrDefault(digest);

    [Fact]
    public void Reaches_every_object_through_any_depth_of_indexes_once_with_its_first_parent_and_depth()
    {
        var reached = ReferenceWalk.From(D("outer"), Of).ToList();

        Assert.Equal(8, reached.Count);
        Assert.Equal(reached.Count, reached.Select(r => r.Digest).Distinct().Count());
        var image = reached.Single(r => r.Digest == D("image"));
        Assert.Equal((ReferenceTarget.Manifest, D("inner"), 2), (image.Target, image.Parent, image.Depth));
        var layer = reached.Single(r => r.Digest == D("layer"));
        Assert.Equal((ReferenceTarget.Blob, D("image"), 3), (layer.Target, layer.Parent, layer.Depth));
        Assert.Equal(ReferenceTarget.Blob, reached.Single(r => r.Digest == D("cache-config")).Target);
        Assert.Single(reached, r => r.Digest == D("config")); // shared by two manifests, reached once
    }

    [Fact]
    public void Enter_false_stops_the_walk_below_that_manifest()
    {
        var reached = ReferenceWalk.From(D("outer"), Of, digest => digest != D("inner")).Select(r => r.Digest).ToList();

        Assert.Equal([D("outer"), D("cache-config")], reached);
    }

    [Fact]
    public void An_unknown_manifest_is_reached_but_leads_nowhere()
    {
        var reached = ReferenceWalk.From(D("absent"), Of).ToList();

        var only = Assert.Single(reached);
        Assert.Equal((D("absent"), 0, (Digest?)null), (only.Digest, only.Depth, only.Parent));
    }

    [Fact]
    public void Tags_reach_a_grandchild_of_a_nested_index_whatever_the_depth()
    {
        var reaching = TagReachability.Compute([("v1", D("outer")), ("amd64", D("image"))], Of);

        Assert.Equal(["amd64", "v1"], reaching[D("image")]);
        Assert.Equal(["amd64", "v1"], reaching[D("layer")]);
        Assert.Equal(["v1"], reaching[D("statement")]);
        Assert.False(reaching.ContainsKey(D("unrelated")));
    }
}
