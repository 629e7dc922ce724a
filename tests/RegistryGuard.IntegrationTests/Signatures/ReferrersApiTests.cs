using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// A registry with the OCI 1.1 referrers API (the real registry behind an in-process front that serves the API,
/// which distribution 2.8 lacks): signatures stored only as referrers — no <c>.sig</c> tag, no fallback tag — are found
/// through the API, across pages, and other referrer types are left alone.
/// </summary>
public sealed class ReferrersApiTests : IAsyncLifetime
{
    private static readonly Platform Amd64 = new("linux", "amd64");
    private LocalRegistry _registry = null!;
    private ReferrersFront _front = null!;
    private OpensslSigner _trusted = null!;
    private OpensslSigner _stranger = null!;
    private Digest _signed;
    private Digest _plain;

    public async Task InitializeAsync()
    {
        _registry = await LocalRegistry.StartAsync();
        _front = await ReferrersFront.StartAsync(_registry.Url);
        _trusted = await OpensslSigner.EcdsaAsync();
        _stranger = await OpensslSigner.EcdsaAsync("secp384r1");
        using var client = new RegistryClient(new RegistryClientOptions(_registry.Url));

        var image = ImageFactory.Image(Amd64, ImageFactory.Layer("referrers-api-signed"));
        await ImagePusher.PushAsync(client, "api/signed", "1.0", image, CancellationToken.None);
        _signed = image.Digest;
        var plain = ImageFactory.Image(Amd64, ImageFactory.Layer("referrers-api-plain"));
        await ImagePusher.PushAsync(client, "api/plain", "1.0", plain, CancellationToken.None);
        _plain = plain.Digest;

        // Three referrers, one per page: a stranger's signature, an SBOM, the trusted signature.
        var payload = OpensslSigner.Payload(_signed, $"{_registry.HostPort}/api/signed");
        var subject = (_signed, image.Size);
        var strangers = await CosignArtifacts.PushSignatureAsync(client, "api/signed", null, [(payload, await _stranger.SignAsync(payload))], subject);
        var sbom = await CosignArtifacts.PushSignatureAsync(client, "api/signed", null, [("{\"spdxVersion\":\"SPDX-2.3\"}"u8.ToArray(), "not-a-signature")], subject);
        var trusted = await CosignArtifacts.PushSignatureAsync(client, "api/signed", null, [(payload, await _trusted.SignAsync(payload))], subject);
        _front.AddReferrer(_signed, strangers, CosignArtifacts.SignatureArtifactType);
        _front.AddReferrer(_signed, sbom, "application/spdx+json");
        _front.AddReferrer(_signed, trusted, CosignArtifacts.SignatureArtifactType);
    }

    public async Task DisposeAsync()
    {
        _trusted?.Dispose();
        _stranger?.Dispose();
        await _front.DisposeAsync();
        await _registry.DisposeAsync();
    }

    [Fact]
    public async Task Probe_finds_signatures_through_the_referrers_api_across_pages()
    {
        var result = await CliRunner.RunAsync("probe", "--registry", _front.Url.ToString(), "--cosign-key", _trusted.PublicKeyPath,
            "--require-signature", "api/signed", "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var finding = Assert.Single(JsonReport.Parse(result.StandardOutput).Findings);
        Assert.Equal(("unsigned", "info", "api/plain", _plain.ToString()), (finding.Kind, finding.Severity, finding.Repository, finding.Digest));
        Assert.Contains(_front.Requests, r => r == $"GET /v2/api/signed/referrers/{_signed}?page=2");
        Assert.Contains(_front.Requests, r => r == $"GET /v2/api/plain/referrers/{_plain}");
        // With the API answering, the fallback tag is never asked for, and the SBOM referrer is never fetched.
        Assert.DoesNotContain(_front.Requests, r => r.Contains($"/manifests/sha256-{_signed.Hex}", StringComparison.Ordinal));
        Assert.Equal(2, _front.Requests.Count(r => r.StartsWith("GET /v2/api/signed/manifests/sha256:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_passes_with_either_signers_key_and_fails_with_neither()
    {
        var reference = $"{_front.HostPort}/api/signed:1.0";
        using var third = await OpensslSigner.RsaAsync();

        var trusted = await CliRunner.RunAsync("verify", "--plain-http", "--cosign-key", _trusted.PublicKeyPath, reference);
        var stranger = await CliRunner.RunAsync("verify", "--plain-http", "--cosign-key", _stranger.PublicKeyPath, reference);
        var neither = await CliRunner.RunAsync("verify", "--plain-http", "--cosign-key", third.PublicKeyPath, reference);

        Assert.True(trusted.ExitCode == 0, trusted.Combined);
        Assert.True(stranger.ExitCode == 0, stranger.Combined);
        Assert.True(neither.ExitCode == 1, neither.Combined);
        Assert.Contains("2 signatures, none valid", neither.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(third.Fingerprint, neither.StandardOutput, StringComparison.Ordinal);
    }
}
