using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// One real docker-registry holding every signature situation of issue 16, each in its own repository, signed by
/// openssl with the trusted key (<see cref="Trusted"/>) or another one (<see cref="Stranger"/>). The probe over it is
/// run once and shared by the tests that read it.
/// </summary>
public sealed class SignedRegistry : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private readonly Dictionary<string, Digest> _digests = new(StringComparer.Ordinal);
    private Task<ProcessResult>? _probe;

    internal LocalRegistry Registry { get; private set; } = null!;

    internal OpensslSigner Trusted { get; private set; } = null!;

    internal OpensslSigner Stranger { get; private set; } = null!;

    internal Digest DigestOf(string repository, string tag) => _digests[$"{repository}:{tag}"];

    /// <summary><c>probe --cosign-key trusted --require-signature 'required/**' --output json</c>, run once.</summary>
    internal Task<ProcessResult> ProbeAsync() => _probe ??= CliRunner.RunAsync(
        "probe", "--registry", Registry.Url.ToString(), "--cosign-key", Trusted.PublicKeyPath, "--require-signature", "required/**", "--output", "json");

    public async Task InitializeAsync()
    {
        Registry = await LocalRegistry.StartAsync();
        Trusted = await OpensslSigner.EcdsaAsync();
        Stranger = await OpensslSigner.EcdsaAsync();
        using var client = new RegistryClient(new RegistryClientOptions(Registry.Url));

        // Signed by the trusted key; two tags share the digest.
        var signed = await PushImageAsync(client, "signed/app", "1.0", "signed");
        await client.PushManifestAsync("signed/app", "latest", (await client.GetManifestAsync("signed/app", "1.0", CancellationToken.None)).Body, MediaTypes.OciManifest, CancellationToken.None);
        await SignAsync(client, "signed/app", signed, Trusted);

        await SignAsync(client, "wrongkey/app", await PushImageAsync(client, "wrongkey/app", "1.0", "wrongkey"), Stranger);

        // Two signature layers on one image: a stranger's, then the trusted one.
        var both = await PushImageAsync(client, "twosigs/app", "1.0", "twosigs");
        var payload = OpensslSigner.Payload(both, $"{Registry.HostPort}/twosigs/app");
        await CosignArtifacts.PushSignatureAsync(client, "twosigs/app", CosignArtifacts.SignatureTag(both),
            [(payload, await Stranger.SignAsync(payload)), (payload, await Trusted.SignAsync(payload))]);

        // 1.0 properly signed; its signature manifest copied onto 2.0's signature tag.
        var original = await PushImageAsync(client, "copied/app", "1.0", "copied-1");
        var copy = await PushImageAsync(client, "copied/app", "2.0", "copied-2");
        var originalSignature = await SignAsync(client, "copied/app", original, Trusted);
        await CosignArtifacts.CopyAsync(client, "copied/app", CosignArtifacts.SignatureTag(copy), originalSignature);

        // A byte of the signature flipped.
        var flipped = await PushImageAsync(client, "tampered-signature/app", "1.0", "tampered-signature");
        var flippedPayload = OpensslSigner.Payload(flipped, $"{Registry.HostPort}/tampered-signature/app");
        var signature = Convert.FromBase64String(await Trusted.SignAsync(flippedPayload));
        signature[signature.Length / 2] ^= 0x40;
        await CosignArtifacts.PushSignatureAsync(client, "tampered-signature/app", CosignArtifacts.SignatureTag(flipped), [(flippedPayload, Convert.ToBase64String(signature))]);

        // The payload edited after signing (another identity), the signature kept.
        var edited = await PushImageAsync(client, "tampered-payload/app", "1.0", "tampered-payload");
        var genuine = OpensslSigner.Payload(edited, $"{Registry.HostPort}/tampered-payload/app");
        var forged = OpensslSigner.Payload(edited, $"{Registry.HostPort}/tampered-payload/other");
        await CosignArtifacts.PushSignatureAsync(client, "tampered-payload/app", CosignArtifacts.SignatureTag(edited), [(forged, await Trusted.SignAsync(genuine))]);

        await PushImageAsync(client, "required/app", "1.0", "required");
        await PushImageAsync(client, "optional/app", "1.0", "optional");

        // Both signed; 2.0 deleted by digest afterwards, as a naive cleanup does: its .sig tag stays behind.
        await SignAsync(client, "orphan/app", await PushImageAsync(client, "orphan/app", "1.0", "orphan-1"), Trusted);
        var deleted = await PushImageAsync(client, "orphan/app", "2.0", "orphan-2");
        await SignAsync(client, "orphan/app", deleted, Trusted);
        await client.DeleteManifestAsync("orphan/app", deleted, CancellationToken.None);

        // Signed as an OCI 1.1 referrer, found through the fallback tag (registry 2.8 has no referrers API).
        var referred = await PushImageAsync(client, "referrers/app", "1.0", "referrers");
        var size = (await client.GetManifestAsync("referrers/app", "1.0", CancellationToken.None)).Body.LongLength;
        var referrerPayload = OpensslSigner.Payload(referred, $"{Registry.HostPort}/referrers/app");
        var referrer = await CosignArtifacts.PushSignatureAsync(client, "referrers/app", null, [(referrerPayload, await Trusted.SignAsync(referrerPayload))], (referred, size));
        await CosignArtifacts.PushFallbackIndexAsync(client, "referrers/app", referred, referrer);

        // Two images with OCI 1.1 referrers, deleted by digest as a naive cleanup does; their fallback tags stay behind.
        // 1.0's lists a cosign signature (an orphaned signature), 2.0's only an SBOM (not a signature).
        var signedGone = await PushImageAsync(client, "fallback-orphan/app", "1.0", "fallback-orphan-1");
        var signedGoneSize = (await client.GetManifestAsync("fallback-orphan/app", "1.0", CancellationToken.None)).Body.LongLength;
        var goneSignature = OpensslSigner.Payload(signedGone, $"{Registry.HostPort}/fallback-orphan/app");
        var goneReferrer = await CosignArtifacts.PushSignatureAsync(client, "fallback-orphan/app", null, [(goneSignature, await Trusted.SignAsync(goneSignature))], (signedGone, signedGoneSize));
        await CosignArtifacts.PushFallbackIndexAsync(client, "fallback-orphan/app", signedGone, goneReferrer);
        var sbomGone = await PushImageAsync(client, "fallback-orphan/app", "2.0", "fallback-orphan-2");
        var sbomGoneSize = (await client.GetManifestAsync("fallback-orphan/app", "2.0", CancellationToken.None)).Body.LongLength;
        var sbom = await CosignArtifacts.PushSignatureAsync(client, "fallback-orphan/app", null, [("{\"spdxVersion\":\"SPDX-2.3\"}"u8.ToArray(), "not-a-signature")], (sbomGone, sbomGoneSize));
        await CosignArtifacts.PushFallbackIndexAsync(client, "fallback-orphan/app", sbomGone, [(sbom, "application/spdx+json")]);
        await client.DeleteManifestAsync("fallback-orphan/app", signedGone, CancellationToken.None);
        await client.DeleteManifestAsync("fallback-orphan/app", sbomGone, CancellationToken.None);

        // A multi-arch index signed as a whole: its children carry no signatures of their own.
        var index = ImageFactory.Index([(Amd64, ImageFactory.Image(Amd64, ImageFactory.Layer("index-amd64"))), (new Platform("linux", "arm64"), ImageFactory.Image(new Platform("linux", "arm64"), ImageFactory.Layer("index-arm64")))], attest: true);
        await ImagePusher.PushAsync(client, "index/app", "1.0", index, CancellationToken.None);
        _digests["index/app:1.0"] = index.Digest;
        await SignAsync(client, "index/app", index.Digest, Trusted);
    }

    public async Task DisposeAsync()
    {
        Trusted?.Dispose();
        Stranger?.Dispose();
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
    }

    private async Task<Digest> PushImageAsync(RegistryClient client, string repository, string tag, string seed)
    {
        var image = ImageFactory.Image(Amd64, ImageFactory.Layer(seed));
        await ImagePusher.PushAsync(client, repository, tag, image, CancellationToken.None);
        _digests[$"{repository}:{tag}"] = image.Digest;
        return image.Digest;
    }

    /// <summary>cosign sign --key: one payload naming the digest, signed, pushed at sha256-&lt;hex&gt;.sig.</summary>
    private async Task<byte[]> SignAsync(RegistryClient client, string repository, Digest subject, OpensslSigner signer)
    {
        var payload = OpensslSigner.Payload(subject, $"{Registry.HostPort}/{repository}");
        return await CosignArtifacts.PushSignatureAsync(client, repository, CosignArtifacts.SignatureTag(subject), [(payload, await signer.SignAsync(payload))]);
    }
}
