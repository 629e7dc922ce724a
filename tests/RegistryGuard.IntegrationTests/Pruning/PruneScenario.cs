using System.Text.Json;
using RegistryGuard.Demo;
using RegistryGuard.Oci;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Pruning;

/// <summary>
/// The setup: 15 tags in shop/web, successive multi-arch builds whose indexes share their amd64 child
/// (and its attestation) pairwise, <c>latest</c> on an old build (two tags on one digest), an old single-arch
/// image, and cosign-style signature tags for a kept and a pruned digest. Push times are distinct: config
/// <c>created</c> for HTTP, and <see cref="SetPushTimesOnDisk"/> for storage.
/// With --keep 10 the plan prunes tools-1, 1.1, 1.3 and the signature of 1.3; 1.2 stays because latest shares it.
/// </summary>
internal sealed class PruneScenario
{
    public const string Repository = "shop/web";
    public const int Builds = 13;
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public PruneScenario()
    {
        var baseAmd64 = ImageFactory.Layer("shop-base-amd64", 1024);
        var baseArm64 = ImageFactory.Layer("shop-base-arm64", 1024);
        var amd64 = new Dictionary<int, ManifestArtifact>();
        var tags = new List<(string, ManifestArtifact, DateTimeOffset)>();
        Tools = ImageFactory.Image(new Platform("linux", "amd64"), Start, baseAmd64, ImageFactory.Layer("shop-tools", 800));
        tags.Add(("tools-1", Tools, Start));
        for (var k = 1; k <= Builds; k++)
        {
            var pair = (k + 1) / 2; // builds 1+2, 3+4, … share their amd64 image
            var amd = amd64.TryGetValue(pair, out var shared)
                ? shared
                : amd64[pair] = ImageFactory.Image(new Platform("linux", "amd64"), PushTime(k), baseAmd64, ImageFactory.Layer($"shop-amd64-{pair}", 600));
            var arm = ImageFactory.Image(new Platform("linux", "arm64", "v8"), PushTime(k), baseArm64, ImageFactory.Layer($"shop-arm64-{k}", 600));
            var index = ImageFactory.Index([(new Platform("linux", "amd64"), amd), (new Platform("linux", "arm64", "v8"), arm)], revision: $"1.{k}");
            Build[k] = index;
            tags.Add(($"1.{k}", index, PushTime(k)));
        }

        tags.Add(("latest", Build[2], PushTime(2)));
        tags.Add((SignatureTag(Build[5]), Signature(Build[5]), PushTime(Builds + 1)));
        tags.Add((SignatureTag(Build[3]), Signature(Build[3]), PushTime(Builds + 2)));
        Tags = tags;
    }

    public Dictionary<int, ManifestArtifact> Build { get; } = [];

    public ManifestArtifact Tools { get; }

    /// <summary>Tag, artifact, push time; in push order.</summary>
    public IReadOnlyList<(string Tag, ManifestArtifact Artifact, DateTimeOffset PushedAt)> Tags { get; }

    public IEnumerable<string> RegularTags => Tags.Select(t => t.Tag).Where(t => !t.StartsWith("sha256-", StringComparison.Ordinal));

    public IReadOnlyList<string> ExpectedPrunedTags => ["1.1", "1.3", "tools-1", SignatureTag(Build[3])];

    public IEnumerable<string> ExpectedKeptTags => Tags.Select(t => t.Tag).Except(ExpectedPrunedTags);

    /// <summary>Index 1.1 with its unshared arm64 child and that child's attestation; the same for 1.3; the tools image; the 1.3 signature.</summary>
    public IReadOnlyList<ManifestArtifact> ExpectedDeletedManifests =>
    [
        Build[1], Build[1].Children[2], Build[1].Children[3],
        Build[3], Build[3].Children[2], Build[3].Children[3],
        Tools, Tags.Single(t => t.Tag == SignatureTag(Build[3])).Artifact,
    ];

    public IEnumerable<ManifestArtifact> AllManifests => Tags.SelectMany(t => t.Artifact.SelfAndDescendants()).DistinctBy(m => m.Digest);

    /// <summary>Blobs and manifest bytes only the deleted manifests reference: what garbage-collect then sweeps.</summary>
    public IReadOnlyDictionary<Digest, long> ExpectedReclaimable(IReadOnlyCollection<ManifestArtifact>? deleted = null)
    {
        deleted ??= ExpectedDeletedManifests;
        var gone = deleted.Select(m => m.Digest).ToHashSet();
        var kept = AllManifests.Where(m => !gone.Contains(m.Digest)).ToList();
        var referenced = kept.Select(m => m.Digest).Concat(kept.SelectMany(m => m.Blobs).Select(b => b.Digest)).ToHashSet();
        return deleted.Select(m => (m.Digest, m.Size)).Concat(deleted.SelectMany(m => m.Blobs).Select(b => (b.Digest, b.Size)))
            .Where(x => !referenced.Contains(x.Digest)).DistinctBy(x => x.Digest).ToDictionary(x => x.Digest, x => x.Size);
    }

    public async Task PushAsync(RegistryClient client)
    {
        foreach (var (tag, artifact, _) in Tags)
        {
            await ImagePusher.PushAsync(client, Repository, tag, artifact, CancellationToken.None);
        }
    }

    /// <summary>What the registry would have recorded had the pushes happened at those times.</summary>
    public void SetPushTimesOnDisk(string v2Root)
    {
        foreach (var (tag, _, pushedAt) in Tags)
        {
            File.SetLastWriteTimeUtc(StoragePaths.TagCurrentLink(v2Root, Repository, tag), pushedAt.UtcDateTime);
        }
    }

    public static string SignatureTag(ManifestArtifact subject) => $"sha256-{subject.Digest.Hex}.sig";

    private static DateTimeOffset PushTime(int k) => Start.AddHours(k);

    /// <summary>A cosign-style signature: a simple-signing payload naming the subject digest, as one layer.</summary>
    private static ManifestArtifact Signature(ManifestArtifact subject)
    {
        var payload = new BlobContent("application/vnd.dev.cosign.simplesigning.v1+json", Json(w =>
        {
            w.WriteStartObject("critical");
            w.WriteStartObject("identity");
            w.WriteString("docker-reference", Repository);
            w.WriteEndObject();
            w.WriteStartObject("image");
            w.WriteString("docker-manifest-digest", subject.Digest.ToString());
            w.WriteEndObject();
            w.WriteString("type", "cosign container image signature");
            w.WriteEndObject();
            w.WriteNull("optional");
        }));
        var config = new BlobContent(MediaTypes.OciConfig, Json(w =>
        {
            w.WriteString("architecture", "");
            w.WriteString("os", "");
            w.WriteStartObject("config");
            w.WriteEndObject();
            w.WriteStartObject("rootfs");
            w.WriteString("type", "layers");
            w.WriteStartArray("diff_ids");
            w.WriteStringValue(payload.Digest.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
        }));
        var manifest = Json(w =>
        {
            w.WriteNumber("schemaVersion", 2);
            w.WriteString("mediaType", MediaTypes.OciManifest);
            w.WriteStartObject("config");
            w.WriteString("mediaType", config.MediaType);
            w.WriteString("digest", config.Digest.ToString());
            w.WriteNumber("size", config.Size);
            w.WriteEndObject();
            w.WriteStartArray("layers");
            w.WriteStartObject();
            w.WriteString("mediaType", payload.MediaType);
            w.WriteString("digest", payload.Digest.ToString());
            w.WriteNumber("size", payload.Size);
            w.WriteStartObject("annotations");
            w.WriteString("dev.cosignproject.cosign/signature", Convert.ToBase64String(subject.Digest.ToString().Select(c => (byte)c).ToArray()));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        });
        return new ManifestArtifact(MediaTypes.OciManifest, manifest, [config, payload], []);
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
