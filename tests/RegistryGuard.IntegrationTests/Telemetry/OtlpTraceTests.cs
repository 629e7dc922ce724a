using System.Text;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Telemetry;

/// <summary>Traces of a real CLI run reach an OTLP endpoint and never carry the registry credentials.</summary>
[Trait(NativeSuite.Trait, NativeSuite.Name)]
public sealed class OtlpTraceTests
{
    private const string User = "tracer";
    private const string Password = "tr4ce-Pa55word-never-exported";

    [Fact]
    public async Task Probe_spans_reach_the_otlp_endpoint_without_credentials()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(User, Password), new RegistryCredentials(User, Password));

        var result = await CliRunner.RunAsync(["probe", "--registry", seeded.Url, "--username", User, "--password-stdin"], Password + "\n",
            new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });

        Assert.True(result.ExitCode == 0, result.Combined);
        var traces = receiver.Received.Where(r => r.Path == "/v1/traces").SelectMany(r => r.Body).ToArray();
        Assert.NotEmpty(traces);
        var text = Encoding.Latin1.GetString(traces);
        foreach (var expected in new[] { "probe", "repository", "demo/app", "HTTP GET", "url.full", "http.response.status_code", "registryguard" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Contains(receiver.Received, r => r.Path == "/v1/metrics" && Encoding.Latin1.GetString(r.Body).Contains("registryguard.probe.duration", StringComparison.Ordinal));
        var everything = Encoding.Latin1.GetString([.. receiver.Received.SelectMany(r => r.Body)]);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")), everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.Combined, StringComparison.Ordinal);
    }
}
