using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.IntegrationTests.Serve;
using RegistryGuard.Metrics;

namespace RegistryGuard.IntegrationTests.Signatures;

/// <summary>
/// serve's probe jobs with <c>cosign_keys</c> and <c>require_signature</c>: the YAML reaches the same run as the
/// command line's flags (same findings, counted in /metrics), and a bad key file stops serve at load with its line.
/// </summary>
public sealed class SignatureServeTests(SignedRegistry registry) : IClassFixture<SignedRegistry>
{
    [Fact]
    public async Task A_probe_job_with_cosign_keys_finds_what_probe_cosign_key_finds_and_counts_it_in_metrics()
    {
        var directory = Directory.CreateTempSubdirectory("serve-signatures-").FullName;
        try
        {
            File.Copy(registry.Trusted.PublicKeyPath, Path.Combine(directory, "cosign.pub"));
            var port = FreePort.Next();
            var config = Path.Combine(directory, "serve.yml");
            await File.WriteAllTextAsync(config, $"""
                listen: 127.0.0.1:{port}
                registries:
                  - name: signed
                    url: {registry.Registry.Url}
                jobs:
                  - name: signatures
                    type: probe
                    registry: signed
                    schedule: "* * * * * *"
                    options:
                      cosign_keys: cosign.pub
                      require_signature: ["required/**"]
                """);

            await using var serve = CliProcess.Start("serve", "--config", config);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
            var status = await ServeEndToEndTests.PollAsync(serve, http, s => s.GetProperty("jobs")[0].GetProperty("last_run").ValueKind == JsonValueKind.Object);
            var samples = ScrapedSample.Parse(await http.GetStringAsync("metrics")).Where(s => s.Labels.GetValueOrDefault("task") == "signatures").ToList();
            await ProcessRunner.RunAsync("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.Equal(0, await serve.WaitForExitAsync());

            var cli = JsonReport.Parse((await registry.ProbeAsync()).StandardOutput);
            Assert.Equal(1, status.GetProperty("jobs")[0].GetProperty("last_run").GetProperty("exit_code").GetInt32());
            foreach (var kind in new[] { "unsigned", "invalid_signature" })
            {
                Assert.Equal(cli.Failures.Count(f => f.Kind == kind), samples.Single(s => s.Name == ProbeMetrics.Failures && s.Labels["kind"] == kind).Value);
            }

            Assert.Equal(cli.Findings.Count(f => f.Kind == "orphaned_signature"), samples.Single(s => s.Name == ProbeMetrics.OrphanedSignatures).Value);
            Assert.Equal(6, samples.Single(s => s.Name == ProbeMetrics.ImageSignatures && s.Labels["state"] == "valid").Value);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_key_file_stops_serve_at_load_with_its_line_and_never_its_content()
    {
        var directory = Directory.CreateTempSubdirectory("serve-badkey-").FullName;
        try
        {
            var privateKey = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";
            await File.WriteAllTextAsync(Path.Combine(directory, "cosign.key"), privateKey);
            var config = Path.Combine(directory, "serve.yml");
            await File.WriteAllTextAsync(config, $"""
                registries:
                  - name: signed
                    url: {registry.Registry.Url}
                jobs:
                  - name: signatures
                    type: probe
                    registry: signed
                    schedule: "0 * * * *"
                    options:
                      cosign_keys: cosign.key
                """);

            var result = await CliRunner.RunAsync("serve", "--config", config, "--check");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"serve.yml:10: jobs[0].options.cosign_keys: cosign key {Path.Combine(directory, "cosign.key")}: is a private key", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("MIGHAgEAMBMGByqGSM49", result.Combined, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Combined, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
