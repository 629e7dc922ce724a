using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Probing;

/// <summary>Replays the incidents from the seeds against a real docker-registry and probes it with the real CLI.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class ProbeIncidentTests
{
    [Fact]
    public async Task Healthy_registry_probes_clean_with_exact_counts()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(seeded.Content.RepositoryCount, report.SummaryInt("repositories"));
        Assert.Equal(seeded.Content.Tags.Count, report.SummaryInt("tags"));
        Assert.Equal(seeded.Content.ManifestCount, report.SummaryInt("manifests"));
        Assert.Equal(seeded.Content.BlobCount, report.SummaryInt("blobs"));
    }

    [Fact]
    public async Task Images_pushed_by_skopeo_probe_clean()
    {
        await using var registry = await LocalRegistry.StartAsync();
        var content = DemoContent.Create();
        var layout = Directory.CreateTempSubdirectory("oci-layout-").FullName;
        OciLayoutWriter.Write(layout, new Dictionary<string, ManifestArtifact> { ["1.1"] = content.AppV2, ["stable"] = content.Tools });

        foreach (var (tag, repository) in new[] { ("1.1", "skopeo/app"), ("stable", "skopeo/tools") })
        {
            var push = await Skopeo.PushLayoutAsync(layout, tag, registry.HostPort, repository);
            Assert.True(push.ExitCode == 0, push.Combined);
        }

        var result = await CliRunner.RunAsync("probe", "--registry", registry.Url.ToString(), "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Equal(2, report.SummaryInt("tags"));
        Assert.Equal(content.AppV2.SelfAndDescendants().Count() + 1, report.SummaryInt("manifests"));
        Directory.Delete(layout, recursive: true);
    }

    [Fact]
    public async Task Post_mortem_mechanism_children_without_revision_links_are_reported_per_tag_and_parent()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var content = seeded.Content;

        // The 2026-04-19 mechanism: the tag rmtree took the children's revision links; their bytes stay.
        var removed = Breakage.RemoveTagLikeCleanupScript(seeded.Registry.V2Root, DemoContent.AppRepository, "1.0", content.AppV1);
        Assert.All(removed, d => Assert.True(File.Exists(RegistryGuard.Storage.StoragePaths.BlobData(seeded.Registry.V2Root, d))));

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonReport.Parse(result.StandardOutput);
        var shared = content.AppV2.Children.Select(c => c.Digest.ToString()).Intersect(removed.Select(d => d.ToString())).ToList();
        Assert.Equal(2, shared.Count); // the amd64 child and its attestation
        var expected = new[] { "1.1", "latest" }
            .SelectMany(tag => shared.Select(digest => ("missing_manifest", DemoContent.AppRepository, tag, content.AppV2.Digest.ToString(), digest)))
            .OrderBy(x => x.ToString(), StringComparer.Ordinal);
        var actual = report.Failures.Select(f => (f.Kind, f.Repository, f.Tag!, f.Parent!, f.Digest!)).OrderBy(x => x.ToString(), StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        // A real client agrees: the pull fails the way containerd's did.
        var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, "demo/app:latest");
        Assert.NotEqual(0, pull.ExitCode);
        Assert.Contains("manifest unknown", pull.Combined, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Garbage_collect_delete_untagged_damage_is_reported()
    {
        await using var seeded = await SeededRegistry.StartAsync();

        var gc = await seeded.Registry.GarbageCollectAsync(deleteUntagged: true);
        Assert.True(gc.ExitCode == 0, gc.Combined);

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");

        Assert.Equal(1, result.ExitCode);
        var report = JsonReport.Parse(result.StandardOutput);
        var missingChildren = report.Failures.Where(f => f.Kind == "missing_manifest" && f.Parent is not null).ToList();
        foreach (var tagged in seeded.Content.Tags.Where(t => t.Artifact.IsIndex))
        {
            foreach (var child in tagged.Artifact.Children)
            {
                Assert.Contains(missingChildren, f => f.Repository == tagged.Repository && f.Tag == tagged.Tag
                    && f.Parent == tagged.Artifact.Digest.ToString() && f.Digest == child.Digest.ToString());
            }
        }

        Assert.DoesNotContain(report.Failures, f => f.Repository == "demo/tools"); // a plain image survives
        var pull = await Skopeo.PullAllAsync(seeded.Registry.HostPort, "demo/app:1.1");
        Assert.NotEqual(0, pull.ExitCode);
    }

    [Fact]
    public async Task Zero_byte_blob_is_a_size_mismatch()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var layer = seeded.Content.Tools.Blobs[^1];
        Breakage.TruncateBlob(seeded.Registry.V2Root, layer.Digest);

        var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");

        Assert.Equal(1, result.ExitCode);
        var finding = Assert.Single(JsonReport.Parse(result.StandardOutput).Failures);
        Assert.Equal(("size_mismatch", "demo/tools", "stable", seeded.Content.Tools.Digest.ToString(), layer.Digest.ToString()),
            (finding.Kind, finding.Repository, finding.Tag, finding.Parent, finding.Digest));
    }

    [Fact]
    public async Task Same_size_corruption_is_found_only_with_deep()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var layer = seeded.Content.Tools.Blobs[^1];
        Breakage.CorruptBlobSameSize(seeded.Registry.V2Root, layer.Digest);

        var shallow = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json");
        var deep = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json", "--deep");

        Assert.Equal(0, shallow.ExitCode);
        Assert.Equal(1, deep.ExitCode);
        var finding = Assert.Single(JsonReport.Parse(deep.StandardOutput).Failures);
        Assert.Equal(("digest_mismatch", "demo/tools", layer.Digest.ToString()), (finding.Kind, finding.Repository, finding.Digest));
    }

    [Fact]
    public async Task Deep_budget_covers_every_blob_across_successive_runs()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var state = Path.Combine(seeded.Registry.RootDirectory, "deep-cursor");
        var uniqueBlobs = seeded.Content.Tags.SelectMany(t => t.Artifact.AllBlobs()).DistinctBy(b => b.Digest).ToList();
        var budget = uniqueBlobs.Max(b => b.Size).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var hashed = 0;
        for (var run = 0; run < uniqueBlobs.Count && hashed < uniqueBlobs.Count; run++)
        {
            var result = await CliRunner.RunAsync("probe", "--registry", seeded.Url, "--output", "json", "--deep-budget", budget, "--deep-state", state);
            Assert.Equal(0, result.ExitCode);
            var report = JsonReport.Parse(result.StandardOutput);
            var thisRun = report.SummaryInt("blobs_hashed");
            Assert.InRange(thisRun, 1, uniqueBlobs.Count - 1); // the budget really limits a run
            hashed += thisRun;
        }

        Assert.True(hashed >= uniqueBlobs.Count, $"successive runs hashed {hashed} of {uniqueBlobs.Count} blobs");
    }

    [Fact]
    public async Task Verify_passes_a_healthy_image_and_fails_a_broken_one()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var host = seeded.Registry.HostPort;

        var healthy = await CliRunner.RunAsync("verify", $"{host}/demo/app:1.1", "--plain-http");
        Assert.True(healthy.ExitCode == 0, healthy.Combined);
        var byDigest = await CliRunner.RunAsync("verify", $"http://{host}/demo/app@{seeded.Content.AppV2.Digest}");
        Assert.True(byDigest.ExitCode == 0, byDigest.Combined);

        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        var broken = await CliRunner.RunAsync("verify", $"{host}/demo/app:1.1", "--plain-http");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("missing_manifest", broken.StandardOutput, StringComparison.Ordinal);
        var missingTag = await CliRunner.RunAsync("verify", $"{host}/demo/app:no-such-tag", "--plain-http");
        Assert.Equal(1, missingTag.ExitCode);
    }
}
