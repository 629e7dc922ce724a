using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// <c>probe --cosign-key</c> against a real docker-registry whose signatures openssl made: every situation of issue 16
/// gives exactly its finding and nothing else (<see cref="SignedRegistry"/> sets them up).
/// </summary>
public sealed class SignatureProbeTests(SignedRegistry registry) : IClassFixture<SignedRegistry>
{
    private static readonly string[] SignatureKinds = ["unsigned", "invalid_signature", "orphaned_signature"];

    private async Task<JsonReport> ReportAsync()
    {
        var result = await registry.ProbeAsync();
        Assert.True(result.ExitCode == 1, result.Combined); // the failures below, nothing worse
        return JsonReport.Parse(result.StandardOutput);
    }

    private async Task<List<JsonFinding>> FindingsOfAsync(string repository) =>
        [.. (await ReportAsync()).Findings.Where(f => f.Repository == repository)];

    [Fact]
    public async Task An_image_signed_with_the_key_has_no_finding_on_either_of_its_tags()
    {
        Assert.Empty(await FindingsOfAsync("signed/app"));
    }

    [Fact]
    public async Task A_signature_by_another_key_is_invalid_signature()
    {
        var finding = Assert.Single(await FindingsOfAsync("wrongkey/app"));

        Assert.Equal(("invalid_signature", "failure", "1.0"), (finding.Kind, finding.Severity, finding.Tag));
        Assert.Equal(registry.DigestOf("wrongkey/app", "1.0").ToString(), finding.Digest);
        Assert.Contains("verifies with none of the keys", finding.Detail, StringComparison.Ordinal);
        Assert.Contains(registry.Trusted.Fingerprint, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_signatures_on_one_image_one_bad_one_good_is_signed()
    {
        Assert.Empty(await FindingsOfAsync("twosigs/app"));
    }

    [Fact]
    public async Task A_signature_copied_onto_another_images_tag_is_invalid_for_that_image_only()
    {
        var finding = Assert.Single(await FindingsOfAsync("copied/app"));

        Assert.Equal(("invalid_signature", "2.0"), (finding.Kind, finding.Tag));
        Assert.Contains($"signed for {registry.DigestOf("copied/app", "1.0")}", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("copied from another image", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_signature_bytes_are_invalid_signature()
    {
        var finding = Assert.Single(await FindingsOfAsync("tampered-signature/app"));

        Assert.Equal(("invalid_signature", "failure"), (finding.Kind, finding.Severity));
    }

    [Fact]
    public async Task A_payload_edited_after_signing_is_invalid_signature()
    {
        var finding = Assert.Single(await FindingsOfAsync("tampered-payload/app"));

        Assert.Equal("invalid_signature", finding.Kind);
        Assert.Contains("verifies with none of the keys", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_image_fails_in_a_required_repository_and_is_informational_elsewhere()
    {
        var required = Assert.Single(await FindingsOfAsync("required/app"));
        var optional = Assert.Single(await FindingsOfAsync("optional/app"));

        Assert.Equal(("unsigned", "failure", "1.0"), (required.Kind, required.Severity, required.Tag));
        Assert.Contains("requires a signature", required.Detail, StringComparison.Ordinal);
        Assert.Equal(("unsigned", "info"), (optional.Kind, optional.Severity));
    }

    [Fact]
    public async Task The_signature_of_a_deleted_image_is_orphaned_and_a_warning()
    {
        var finding = Assert.Single(await FindingsOfAsync("orphan/app"));

        Assert.Equal(("orphaned_signature", "warning"), (finding.Kind, finding.Severity));
        Assert.Equal($"sha256-{registry.DigestOf("orphan/app", "2.0").Hex}.sig", finding.Tag);
        Assert.Equal(registry.DigestOf("orphan/app", "2.0").ToString(), finding.Digest);
    }

    [Fact]
    public async Task A_fallback_tag_listing_a_signature_of_a_deleted_image_is_orphaned_and_one_listing_only_an_sbom_is_not()
    {
        var finding = Assert.Single(await FindingsOfAsync("fallback-orphan/app"));

        Assert.Equal(("orphaned_signature", "warning"), (finding.Kind, finding.Severity));
        Assert.Equal($"sha256-{registry.DigestOf("fallback-orphan/app", "1.0").Hex}", finding.Tag);
        Assert.Equal(registry.DigestOf("fallback-orphan/app", "1.0").ToString(), finding.Digest);
        Assert.Contains("referrers fallback tag listing 1 cosign signature(s)", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referrer_signature_is_found_through_the_fallback_tag_of_a_registry_without_the_referrers_api()
    {
        Assert.Empty(await FindingsOfAsync("referrers/app"));
    }

    [Fact]
    public async Task An_index_signed_as_a_whole_needs_no_signatures_on_its_children()
    {
        Assert.Empty(await FindingsOfAsync("index/app"));
    }

    [Fact]
    public async Task The_summary_counts_each_image_once_and_names_the_key_by_fingerprint()
    {
        var report = await ReportAsync();
        var signatures = report.Summary.GetProperty("signatures");

        Assert.Equal([registry.Trusted.Fingerprint], signatures.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
        // signed, twosigs, copied 1.0, orphan 1.0, referrers, index / wrongkey, copied 2.0, two tampered / required, optional.
        Assert.Equal((6, 4, 2, 2, 12), (signatures.GetProperty("valid").GetInt32(), signatures.GetProperty("invalid").GetInt32(),
            signatures.GetProperty("unsigned").GetInt32(), signatures.GetProperty("orphaned").GetInt32(), signatures.GetProperty("checked").GetInt32()));
        Assert.Equal(5, report.Failures.Count());
        var byKind = report.Summary.GetProperty("failures_by_kind");
        Assert.Equal((4, 1), (byKind.GetProperty("invalid_signature").GetInt32(), byKind.GetProperty("unsigned").GetInt32()));
    }

    [Fact]
    public async Task A_real_pushgateway_receives_every_signature_kind_counted()
    {
        await using var gateway = await Pushgateway.StartAsync();

        var result = await CliRunner.RunAsync("probe", "--registry", registry.Registry.Url.ToString(), "--cosign-key", registry.Trusted.PublicKeyPath,
            "--require-signature", "required/**", "--pushgateway", gateway.Url.ToString());

        Assert.True(result.ExitCode == 1, result.Combined);
        var samples = (await gateway.SamplesAsync()).Where(s => s.Labels.GetValueOrDefault("instance") == registry.Registry.HostPort).ToList();
        double Value(string name, string label = "", string value = "") =>
            samples.Single(s => s.Name == name && (label.Length == 0 || s.Labels[label] == value)).Value;
        Assert.Equal((4, 1), (Value(ProbeMetrics.Failures, "kind", "invalid_signature"), Value(ProbeMetrics.Failures, "kind", "unsigned")));
        Assert.Equal((6, 2, 4, 0), (Value(ProbeMetrics.ImageSignatures, "state", "valid"), Value(ProbeMetrics.ImageSignatures, "state", "unsigned"),
            Value(ProbeMetrics.ImageSignatures, "state", "invalid"), Value(ProbeMetrics.ImageSignatures, "state", "unchecked")));
        Assert.Equal(2, Value(ProbeMetrics.OrphanedSignatures));
    }

    [Fact]
    public async Task Without_a_key_the_same_registry_probes_clean_and_no_signature_is_looked_at()
    {
        var result = await CliRunner.RunAsync("probe", "--registry", registry.Registry.Url.ToString(), "--output", "json");

        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.DoesNotContain(report.Findings, f => SignatureKinds.Contains(f.Kind));
        Assert.False(report.Summary.TryGetProperty("signatures", out _));
    }

    [Fact]
    public async Task Output_names_keys_by_fingerprint_and_never_prints_a_key_or_a_whole_signature()
    {
        var result = await registry.ProbeAsync();
        var text = await CliRunner.RunAsync("probe", "--registry", registry.Registry.Url.ToString(), "--cosign-key", registry.Trusted.PublicKeyPath);

        foreach (var output in new[] { result.Combined, text.Combined })
        {
            foreach (var line in registry.Trusted.PublicKeyPem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)))
            {
                Assert.DoesNotContain(line[..20], output, StringComparison.Ordinal);
            }

            // A base64 run as long as a signature (digests are lower-case hex, so a capital, '+' or '/' marks base64).
            Assert.DoesNotMatch("(?=[A-Za-z0-9+/]*[A-Z+/])[A-Za-z0-9+/]{40,}", output);
        }

        Assert.Contains($"signatures: 12 images checked with 1 key ({registry.Trusted.Fingerprint}): 6 valid, 2 unsigned, 4 invalid, 2 orphaned signature tags", text.StandardOutput, StringComparison.Ordinal);
    }
}
