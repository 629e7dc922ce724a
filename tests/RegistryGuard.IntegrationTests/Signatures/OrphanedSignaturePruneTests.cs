using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// prune reports the signatures a naive delete left behind — the <c>.sig</c> tag and the OCI 1.1 referrers fallback tag
/// listing a signature — removes them with --apply (restore bundle over the API, journal on storage), and restore/undo
/// bring them back; the surviving image's signatures are never touched.
/// </summary>
public sealed class OrphanedSignaturePruneTests
{
    private static readonly Platform Amd64 = new("linux", "amd64");

    private sealed record Orphaned(LocalRegistry Registry, OpensslSigner Signer, Digest Kept, Digest Deleted) : IAsyncDisposable
    {
        public string OrphanTag => CosignArtifacts.SignatureTag(Deleted);

        public string OrphanFallbackTag => CosignArtifacts.FallbackTag(Deleted);

        public async ValueTask DisposeAsync()
        {
            Signer.Dispose();
            await Registry.DisposeAsync();
        }
    }

    private static async Task<Orphaned> StartAsync()
    {
        var registry = await LocalRegistry.StartAsync();
        var signer = await OpensslSigner.EcdsaAsync();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        var digests = new List<Digest>();
        foreach (var tag in new[] { "1.0", "2.0" })
        {
            var image = ImageFactory.Image(Amd64, ImageFactory.Layer("orphan-prune-" + tag));
            await ImagePusher.PushAsync(client, "team/app", tag, image, CancellationToken.None);
            var payload = OpensslSigner.Payload(image.Digest, $"{registry.HostPort}/team/app");
            await CosignArtifacts.PushSignatureAsync(client, "team/app", CosignArtifacts.SignatureTag(image.Digest), [(payload, await signer.SignAsync(payload))]);

            // Signed the OCI 1.1 way too (cosign --registry-referrers-mode=oci-1-1 on a registry without the referrers API).
            var size = (await client.GetManifestAsync("team/app", tag, CancellationToken.None)).Body.LongLength;
            var referrer = await CosignArtifacts.PushSignatureAsync(client, "team/app", null, [(payload, await signer.SignAsync(payload))], (image.Digest, size));
            await CosignArtifacts.PushFallbackIndexAsync(client, "team/app", image.Digest, referrer);
            digests.Add(image.Digest);
        }

        await client.DeleteManifestAsync("team/app", digests[1], CancellationToken.None); // a naive cleanup: the image goes, its signatures stay
        return new Orphaned(registry, signer, digests[0], digests[1]);
    }

    private static Task<RegistryGuard.Common.ProcessResult> ProbeAsync(Orphaned o) =>
        CliRunner.RunAsync("probe", "--registry", o.Registry.Url.ToString(), "--cosign-key", o.Signer.PublicKeyPath, "--require-signature", "**", "--output", "json");

    private static async Task<bool> TagExistsAsync(Orphaned o, string tag)
    {
        using var client = new RegistryClient(new RegistryClientOptions(o.Registry.Url));
        try
        {
            await client.ResolveAsync("team/app", tag, CancellationToken.None);
            return true;
        }
        catch (RegistryNotFoundException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Over_the_api_prune_reports_then_removes_the_orphaned_signature_and_restore_brings_it_back()
    {
        await using var o = await StartAsync();
        var before = await ProbeAsync(o);
        Assert.True(before.ExitCode == 0, before.Combined);
        var findings = JsonReport.Parse(before.StandardOutput).Findings.ToList();
        Assert.Equal([o.OrphanFallbackTag, o.OrphanTag], findings.Select(f => f.Tag).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("orphaned_signature", f.Kind));

        var dryRun = await CliRunner.RunAsync("prune", "--registry", o.Registry.Url.ToString(), "--keep", "10");
        Assert.True(dryRun.ExitCode == 0, dryRun.Combined);
        Assert.Contains($"PRUNE  tag {o.OrphanTag} -> ", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"orphaned_signature: signs {o.Deleted.Abbreviated}, which no longer exists", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"PRUNE  tag {o.OrphanFallbackTag} -> ", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"orphaned_signature: referrers fallback tag listing 1 cosign signature(s) of {o.Deleted.Abbreviated}", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(await TagExistsAsync(o, o.OrphanTag) && await TagExistsAsync(o, o.OrphanFallbackTag), "a dry run changed the registry");

        var backup = Path.Combine(o.Registry.RootDirectory, "backup");
        var apply = await CliRunner.RunAsync("prune", "--registry", o.Registry.Url.ToString(), "--keep", "10", "--apply", "--backup", backup);
        Assert.True(apply.ExitCode == 0, apply.Combined);
        Assert.False(await TagExistsAsync(o, o.OrphanTag));
        Assert.False(await TagExistsAsync(o, o.OrphanFallbackTag));
        Assert.True(await TagExistsAsync(o, CosignArtifacts.SignatureTag(o.Kept)));
        Assert.True(await TagExistsAsync(o, CosignArtifacts.FallbackTag(o.Kept)));
        var after = await ProbeAsync(o);
        Assert.True(after.ExitCode == 0, after.Combined);
        Assert.Empty(JsonReport.Parse(after.StandardOutput).Findings); // 1.0 still validly signed, nothing orphaned

        var restore = await CliRunner.RunAsync("restore", "--backup", backup, "--registry", o.Registry.Url.ToString());
        Assert.True(restore.ExitCode == 0, restore.Combined);
        Assert.True(await TagExistsAsync(o, o.OrphanTag));
        Assert.True(await TagExistsAsync(o, o.OrphanFallbackTag));
    }

    [Fact]
    public async Task On_storage_prune_removes_the_orphaned_signature_journaled_and_undo_puts_it_back()
    {
        await using var o = await StartAsync();
        var journal = Path.Combine(o.Registry.RootDirectory, "prune.jsonl");

        var apply = await CliRunner.RunAsync("prune", "--root", o.Registry.StorageRoot, "--keep", "10", "--apply", "--journal", journal);
        Assert.True(apply.ExitCode == 0, apply.Combined);
        Assert.Contains($"orphaned_signature: signs {o.Deleted.Abbreviated}", apply.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"orphaned_signature: referrers fallback tag listing 1 cosign signature(s) of {o.Deleted.Abbreviated}", apply.StandardOutput, StringComparison.Ordinal);
        await o.Registry.RestartAsync(); // no in-memory descriptor cache can answer for what storage no longer holds
        Assert.False(await TagExistsAsync(o, o.OrphanTag));
        Assert.False(await TagExistsAsync(o, o.OrphanFallbackTag));
        Assert.True(await TagExistsAsync(o, CosignArtifacts.SignatureTag(o.Kept)));
        Assert.True(await TagExistsAsync(o, CosignArtifacts.FallbackTag(o.Kept)));

        var undo = await CliRunner.RunAsync("undo", "--journal", journal);
        Assert.True(undo.ExitCode == 0, undo.Combined);
        await o.Registry.RestartAsync();
        Assert.True(await TagExistsAsync(o, o.OrphanTag));
        Assert.True(await TagExistsAsync(o, o.OrphanFallbackTag));
        var probe = await ProbeAsync(o);
        Assert.Equal(2, JsonReport.Parse(probe.StandardOutput).Findings.Count(f => f.Kind == "orphaned_signature")); // back as it was
    }
}
