using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Faults;

/// <summary>Credentials stay with the registry's origin, and TLS is verified (a private CA via --ca-file).</summary>
[Collection(SecretSweepGroup.Name)]
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class TransportSecurityTests
{
    private const string User = "prober";

    [Fact]
    public async Task Blob_GET_redirected_to_another_host_does_not_carry_the_Authorization_header()
    {
        var password = "redirect-" + Guid.NewGuid().ToString("N");
        SecretSweep.AddCredentials(User, password);
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(User, password), new RegistryCredentials(User, password));
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{password}"));
        await using var storage = await BlobStorageOrigin.StartAsync(seeded.Registry.Url, basic, "127.0.0.2");
        var redirect = new FaultRule("^GET /v2/.+/blobs/", FaultRate.Always, Faults.RedirectTo(storage.Url));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, redirect);

        var result = SecretSweep.Record("redirect probe", await CliRunner.RunAsync(
            ["probe", "--registry", proxy.Url.ToString(), "--username", User, "--password-stdin", "--deep", "-o", "json", "--timeout", "5", "--retries", "1"],
            password,
            null));

        SecretSweep.Record("headers received by the blob storage origin", string.Join('\n', storage.AuthorizationHeaders));
        Assert.True(result.ExitCode == 0, result.Combined);
        var report = JsonReport.Parse(result.StandardOutput);
        Assert.Empty(report.Findings);
        Assert.Equal(report.SummaryInt("blobs_hashed"), redirect.Fired); // every blob GET (one per distinct digest) was redirected...
        Assert.Equal(redirect.Fired, storage.Requests.Count); // ...and arrived at the other host...
        Assert.Empty(storage.AuthorizationHeaders); // ...without the registry's credentials
        Assert.True(report.SummaryInt("bytes_hashed") > 0);
    }

    [Fact]
    public async Task Catalog_Link_header_pointing_to_another_host_does_not_carry_the_credentials()
    {
        var password = "link-" + Guid.NewGuid().ToString("N");
        SecretSweep.AddCredentials(User, password);
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(User, password), new RegistryCredentials(User, password));
        await using var elsewhere = await BlobStorageOrigin.StartAsync(seeded.Registry.Url, null, "127.0.0.2");
        var link = new FaultRule("^GET /v2/_catalog", FaultRate.Always, Faults.LinkToOrigin(elsewhere.Url));
        await using var proxy = await FaultProxy.StartAsync(seeded.Registry.Url, link);

        var result = SecretSweep.Record("cross-host Link probe", await CliRunner.RunAsync(
            ["probe", "--registry", proxy.Url.ToString(), "--username", User, "--password-stdin", "--timeout", "5", "--retries", "1"], password, null));

        SecretSweep.Record("headers received by the foreign Link target", string.Join('\n', elsewhere.AuthorizationHeaders));
        Assert.NotEmpty(elsewhere.Requests); // the page was asked for...
        Assert.Empty(elsewhere.AuthorizationHeaders); // ...without the registry's credentials, and its 401 is not answered
        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("catalog:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Untrusted_certificate_is_a_clear_exit_3_and_ca_file_fixes_it()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        using var ca = TestCertificates.CreateCa("registryguard test TLS CA");
        using var leaf = TestCertificates.Issue(ca, "127.0.0.1", server: true);
        var caFile = TestCertificates.WritePem(ca, Path.Combine(seeded.Registry.RootDirectory, "ca.pem"));
        await using var tls = await FaultProxy.StartAsync(seeded.Registry.Url, leaf);
        var url = tls.Url.ToString();
        Assert.StartsWith("https://", url, StringComparison.Ordinal);

        var untrusted = await CliRunner.RunAsync("probe", "--registry", url, "--timeout", "5", "--retries", "2");
        var trusted = await CliRunner.RunAsync("probe", "--registry", url, "--ca-file", caFile, "-o", "json");

        Assert.True(untrusted.ExitCode == 3, untrusted.Combined);
        Assert.Contains("certificate", untrusted.StandardError, StringComparison.Ordinal);
        Assert.Contains("--ca-file", untrusted.StandardError, StringComparison.Ordinal);
        Assert.True(trusted.ExitCode == 0, trusted.Combined);
        Assert.Equal(seeded.Content.Tags.Count, JsonReport.Parse(trusted.StandardOutput).SummaryInt("tags"));
    }

    [Fact]
    public async Task A_CA_that_did_not_sign_the_certificate_does_not_make_it_trusted()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        using var ca = TestCertificates.CreateCa("registryguard test TLS CA");
        using var other = TestCertificates.CreateCa("some other CA");
        using var leaf = TestCertificates.Issue(ca, "127.0.0.1", server: true);
        var otherFile = TestCertificates.WritePem(other, Path.Combine(seeded.Registry.RootDirectory, "other.pem"));
        await using var tls = await FaultProxy.StartAsync(seeded.Registry.Url, leaf);

        var result = await CliRunner.RunAsync("probe", "--registry", tls.Url.ToString(), "--ca-file", otherFile, "--retries", "1");

        Assert.True(result.ExitCode == 3, result.Combined);
        Assert.Contains("certificate", result.StandardError, StringComparison.Ordinal);
    }
}
