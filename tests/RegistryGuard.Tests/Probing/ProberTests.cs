using System.Net;
using System.Text;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Probing;
using RegistryGuard.Registry;
using RegistryGuard.Tests.TestDoubles;

namespace RegistryGuard.Tests.Probing;

/// <summary>Walk logic against a fake registry: shapes a real registry cannot easily be made to serve.</summary>
public sealed class ProberTests
{
    private static Prober ProberFor(Dictionary<string, (HttpStatusCode Status, byte[] Body)> routes, ProbeOptions? options = null)
    {
        var handler = new FakeHandler(request =>
        {
            var key = $"{request.Method} {request.RequestUri!.PathAndQuery}";
            if (!routes.TryGetValue(key, out var route) && !routes.TryGetValue($"{request.Method} {request.RequestUri.AbsolutePath}", out route))
            {
                return FakeHandler.Json("""{"errors":[{"code":"MANIFEST_UNKNOWN"}]}""", HttpStatusCode.NotFound);
            }

            return new HttpResponseMessage(route.Status) { Content = new ByteArrayContent(route.Body) };
        });
        var client = new RegistryClient(new RegistryClientOptions(new Uri("https://r.example/")) { MaxRetries = 0 }, handler);
        return new Prober(client, options ?? new ProbeOptions { Concurrency = 4 });
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task An_index_that_references_itself_does_not_hang_the_walk()
    {
        // An index cannot contain its own digest, but a child can point back at an ancestor's digest only
        // if the registry lies; model the lie: the child digest answers with the parent's body.
        var childDigest = Digest.Sha256Of([9]);
        var index = Utf8($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.index.v1+json","digest":"{{childDigest}}","size":5}]}""");
        var prober = ProberFor(new()
        {
            ["GET /v2/"] = (HttpStatusCode.OK, Utf8("{}")),
            ["GET /v2/_catalog?n=1000"] = (HttpStatusCode.OK, Utf8("""{"repositories":["app"]}""")),
            ["GET /v2/app/tags/list?n=1000"] = (HttpStatusCode.OK, Utf8("""{"name":"app","tags":["v1"]}""")),
            ["GET /v2/app/manifests/v1"] = (HttpStatusCode.OK, index),
            [$"GET /v2/app/manifests/{childDigest}"] = (HttpStatusCode.OK, index),
        });

        var report = await prober.ProbeRegistryAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.DigestMismatch, "v1", childDigest.ToString()), (finding.Kind, finding.Tag, finding.Digest));
    }

    [Fact]
    public async Task Garbage_manifests_and_hostile_names_become_findings()
    {
        var prober = ProberFor(new()
        {
            ["GET /v2/"] = (HttpStatusCode.OK, Utf8("{}")),
            ["GET /v2/_catalog?n=1000"] = (HttpStatusCode.OK, Utf8("""{"repositories":["app","../../etc","Bad Name"]}""")),
            ["GET /v2/app/tags/list?n=1000"] = (HttpStatusCode.OK, Utf8("""{"name":"app","tags":["v1","bad tag!"]}""")),
            ["GET /v2/app/manifests/v1"] = (HttpStatusCode.OK, Utf8("{not json")),
        });

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(1, report.ExitCode);
        Assert.Equal(3, report.Findings.Count(f => f.Kind == FindingKind.InvalidName));
        Assert.Single(report.Findings, f => f.Kind == FindingKind.UnreadableManifest && f.Tag == "v1");
    }

    [Fact]
    public async Task A_catalog_that_cannot_be_read_is_fatal_not_clean()
    {
        var prober = ProberFor(new()
        {
            ["GET /v2/"] = (HttpStatusCode.OK, Utf8("{}")),
            ["GET /v2/_catalog?n=1000"] = (HttpStatusCode.OK, Utf8("<html>nginx</html>")),
        });

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        Assert.Equal(3, report.ExitCode);
        Assert.False(report.Summary.CatalogAccessible);
        Assert.Contains("malformed JSON", report.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_entries_that_are_blobs_are_checked_under_blobs_not_manifests()
    {
        // BuildKit's registry cache: registry 2.8 answers 500 for these entries under /manifests/.
        var layer = Utf8("cache layer");
        var config = Utf8("""{"layers":[],"records":[]}""");
        var (layerDigest, configDigest) = (Digest.Sha256Of(layer), Digest.Sha256Of(config));
        var cache = Utf8($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layerDigest}}","size":{{layer.Length}}},{"mediaType":"application/vnd.buildkit.cacheconfig.v0","digest":"{{configDigest}}","size":{{config.Length}}}]}""");
        var prober = ProberFor(new()
        {
            ["GET /v2/"] = (HttpStatusCode.OK, Utf8("{}")),
            ["GET /v2/_catalog?n=1000"] = (HttpStatusCode.OK, Utf8("""{"repositories":["app"]}""")),
            ["GET /v2/app/tags/list?n=1000"] = (HttpStatusCode.OK, Utf8("""{"tags":["buildcache"]}""")),
            ["GET /v2/app/manifests/buildcache"] = (HttpStatusCode.OK, cache),
            [$"GET /v2/app/manifests/{layerDigest}"] = (HttpStatusCode.InternalServerError, Utf8("{}")),
            [$"GET /v2/app/manifests/{configDigest}"] = (HttpStatusCode.InternalServerError, Utf8("{}")),
            [$"HEAD /v2/app/blobs/{layerDigest}"] = (HttpStatusCode.OK, layer),
        });

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        var finding = Assert.Single(report.Findings); // the cacheconfig blob answers 404: missing, never unreachable
        Assert.Equal((FindingKind.MissingBlob, "buildcache", Digest.Sha256Of(cache).ToString(), configDigest.ToString()),
            (finding.Kind, finding.Tag, finding.Parent, finding.Digest));
        Assert.Equal((1, 2), (report.Summary.Manifests, report.Summary.Blobs));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_digest_shared_by_two_repositories_is_judged_in_each_of_them(bool deep)
    {
        // Each repository's findings are derived when its own walk completes (or, with --deep, after hashing):
        // a blob missing from one repository must not be reported for, nor hidden by, the other that holds it.
        var layer = Utf8("layer bytes");
        var layerDigest = Digest.Sha256Of(layer);
        var image = Utf8($$"""{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{layerDigest}}","size":{{layer.Length}}},"layers":[]}""");
        var prober = ProberFor(
            new()
            {
                ["GET /v2/"] = (HttpStatusCode.OK, Utf8("{}")),
                ["GET /v2/_catalog?n=1000"] = (HttpStatusCode.OK, Utf8("""{"repositories":["a","b"]}""")),
                ["GET /v2/a/tags/list?n=1000"] = (HttpStatusCode.OK, Utf8("""{"tags":["v1"]}""")),
                ["GET /v2/b/tags/list?n=1000"] = (HttpStatusCode.OK, Utf8("""{"tags":["v1","v2"]}""")),
                ["GET /v2/a/manifests/v1"] = (HttpStatusCode.OK, image),
                ["GET /v2/b/manifests/v1"] = (HttpStatusCode.OK, image),
                ["GET /v2/b/manifests/v2"] = (HttpStatusCode.OK, image),
                [$"HEAD /v2/b/blobs/{layerDigest}"] = (HttpStatusCode.OK, layer),
                [$"GET /v2/b/blobs/{layerDigest}"] = (HttpStatusCode.OK, layer),
            },
            new ProbeOptions { Concurrency = 4, Deep = deep });

        var report = await prober.ProbeRegistryAsync(CancellationToken.None);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((FindingKind.MissingBlob, "a", "v1", layerDigest.ToString()), (finding.Kind, finding.Repository, finding.Tag, finding.Digest));
        Assert.Equal((2, 3, 2, 2), (report.Summary.Repositories, report.Summary.Tags, report.Summary.Manifests, report.Summary.Blobs));
        Assert.Equal(deep ? 1 : 0, report.Summary.BlobsHashed);
    }
}
