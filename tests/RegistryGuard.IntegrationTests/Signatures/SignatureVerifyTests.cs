using RegistryGuard.Common;
using System.Security.Cryptography;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>The CI step after push and sign: <c>registryguard verify REF --cosign-key cosign.pub</c>, by exit code.</summary>
public sealed class SignatureVerifyTests(SignedRegistry registry) : IClassFixture<SignedRegistry>
{
    private Task<ProcessResult> VerifyAsync(string reference, params string[] options) =>
        CliRunner.RunAsync(["verify", "--plain-http", .. options, $"{registry.Registry.HostPort}/{reference}"]);

    [Fact]
    public async Task A_signed_image_passes_by_tag_and_by_digest()
    {
        var byTag = await VerifyAsync("signed/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath);
        var byDigest = await VerifyAsync($"signed/app@{registry.DigestOf("signed/app", "1.0")}", "--cosign-key", registry.Trusted.PublicKeyPath);

        Assert.True(byTag.ExitCode == 0, byTag.Combined);
        Assert.Contains($"signatures: 1 images checked with 1 key ({registry.Trusted.Fingerprint}): 1 valid, 0 unsigned, 0 invalid", byTag.StandardOutput, StringComparison.Ordinal);
        Assert.True(byDigest.ExitCode == 0, byDigest.Combined);
    }

    [Fact]
    public async Task A_signature_by_another_key_fails_the_step_unless_that_key_is_trusted_too()
    {
        var failing = await VerifyAsync("wrongkey/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath, "--output", "json");
        var eitherKey = await VerifyAsync("wrongkey/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath, "--cosign-key", registry.Stranger.PublicKeyPath);

        Assert.Equal(1, failing.ExitCode);
        Assert.Equal("invalid_signature", Assert.Single(JsonReport.Parse(failing.StandardOutput).Findings).Kind);
        Assert.True(eitherKey.ExitCode == 0, eitherKey.Combined);
    }

    [Fact]
    public async Task An_unsigned_image_fails_verify_with_a_key_wherever_it_is_and_passes_without_one()
    {
        var withKey = await VerifyAsync("optional/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath, "--output", "json");
        var withoutKey = await VerifyAsync("optional/app:1.0");

        Assert.Equal(1, withKey.ExitCode);
        var finding = Assert.Single(JsonReport.Parse(withKey.StandardOutput).Findings);
        Assert.Equal(("unsigned", "failure"), (finding.Kind, finding.Severity));
        Assert.True(withoutKey.ExitCode == 0, withoutKey.Combined);
    }

    [Fact]
    public async Task Copied_and_tampered_signatures_fail_the_step()
    {
        foreach (var reference in new[] { "copied/app:2.0", "tampered-signature/app:1.0", "tampered-payload/app:1.0" })
        {
            var result = await VerifyAsync(reference, "--cosign-key", registry.Trusted.PublicKeyPath);

            Assert.True(result.ExitCode == 1, reference + ": " + result.Combined);
            Assert.Contains("FAIL invalid_signature", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_referrer_signature_is_found_without_a_tag_list_and_an_index_is_verified_whole()
    {
        var referrer = await VerifyAsync("referrers/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath);
        var index = await VerifyAsync("index/app:1.0", "--cosign-key", registry.Trusted.PublicKeyPath);

        Assert.True(referrer.ExitCode == 0, referrer.Combined);
        Assert.True(index.ExitCode == 0, index.Combined);
    }

    [Fact]
    public async Task Bad_key_files_are_one_clear_line_and_exit_2()
    {
        var directory = Directory.CreateTempSubdirectory("registryguard-badkeys-").FullName;
        try
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var privateKey = Path.Combine(directory, "cosign.key");
            await File.WriteAllTextAsync(privateKey, ecdsa.ExportPkcs8PrivateKeyPem());
            var garbage = Path.Combine(directory, "garbage.pub");
            await File.WriteAllTextAsync(garbage, "this is not a key\n");
            var cases = new (string[] Options, string Expected)[]
            {
                (["--cosign-key", privateKey], $"error: cosign key {privateKey}: is a private key (PRIVATE KEY); give the public key only"),
                (["--cosign-key", garbage], $"error: cosign key {garbage}: not a PEM public key"),
                (["--cosign-key", Path.Combine(directory, "missing.pub")], $"error: cosign key {Path.Combine(directory, "missing.pub")}: no such file"),
            };

            foreach (var (options, expected) in cases)
            {
                var result = await VerifyAsync("signed/app:1.0", options);

                Assert.True(result.ExitCode == 2, result.Combined);
                Assert.StartsWith(expected, result.StandardError, StringComparison.Ordinal);
                Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.DoesNotContain("   at ", result.Combined, StringComparison.Ordinal);
                Assert.DoesNotContain(ecdsa.ExportPkcs8PrivateKeyPem().Split('\n')[1][..20], result.Combined, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
