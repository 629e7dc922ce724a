using System.Text;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Auth;

/// <summary>
/// Runs every command that speaks to an authenticated registry at trace level, with a real Pushgateway and an
/// OTLP receiver attached, plus the files those runs write (restore bundle, scan journal), and hands all of it to
/// <see cref="SecretSweep"/>. The OTLP exporter authenticates with its own token, which must not leak either.
/// </summary>
internal sealed class CredentialSweepRig : IAsyncDisposable
{
    private readonly OtlpReceiver _otlp;
    private readonly Pushgateway _gateway;
    private readonly string _otlpToken = SecretSweep.NewSecret("otlp");

    private CredentialSweepRig(OtlpReceiver otlp, Pushgateway gateway, string directory)
    {
        _otlp = otlp;
        _gateway = gateway;
        Directory = directory;
    }

    public string Directory { get; }

    public Uri Gateway => _gateway.Url;

    public static async Task<CredentialSweepRig> StartAsync() =>
        new(await OtlpReceiver.StartAsync(), await Pushgateway.StartAsync(), System.IO.Directory.CreateTempSubdirectory("registryguard-sweep-").FullName);

    /// <summary>The CLI at trace level, exporting spans and metrics, its stdout and stderr recorded.</summary>
    public async Task<ProcessResult> RunAsync(string source, CliCredentials? credentials, params string[] arguments)
    {
        var environment = new Dictionary<string, string>(credentials?.Environment ?? new Dictionary<string, string>())
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _otlp.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "authorization=Bearer " + _otlpToken,
        };
        var result = await CliRunner.RunAsync([.. arguments, .. credentials?.Arguments ?? [], "--log-level", "Trace"], credentials?.StandardInput, environment);
        return SecretSweep.Record($"{source} ({credentials?.Kind ?? "no credentials"})", result);
    }

    /// <summary>
    /// probe (each credential kind), verify, prune dry run, prune --apply (restore bundle), restore, scan --fix
    /// (journal), and URLs with the password in them, which must be refused without echoing it.
    /// </summary>
    public async Task RunEveryCommandAsync(LocalRegistry registry, DemoContent content, IReadOnlyList<CliCredentials> credentials, string password)
    {
        var url = registry.Url.ToString();
        var push = new[] { "--pushgateway", Gateway.ToString() };
        foreach (var kind in credentials)
        {
            var probe = await RunAsync("probe", kind, ["probe", "--registry", url, "-o", "json", .. push]);
            Assert.True(probe.ExitCode == 0, probe.Combined);
            Assert.Contains("dbug:", probe.StandardError, StringComparison.Ordinal); // the debug logs really ran
        }

        var verify = await RunAsync("verify", credentials[1 % credentials.Count], ["verify", $"{registry.HostPort}/{DemoContent.AppRepository}:latest", "--plain-http", .. push]);
        Assert.True(verify.ExitCode == 0, verify.Combined);
        var plan = await RunAsync("prune dry run", credentials[2 % credentials.Count], ["prune", "--registry", url, "--keep", "0", "-o", "json"]);
        Assert.True(plan.ExitCode == 0, plan.Combined);
        var bundle = Path.Combine(Directory, "restore-bundle");
        var applied = await RunAsync("prune --apply", credentials[3 % credentials.Count], ["prune", "--registry", url, "--keep", "0", "--apply", "--backup", bundle, "-o", "json", .. push]);
        Assert.True(applied.ExitCode == 0, applied.Combined);
        Assert.True(Summary(applied, "manifests_deleted") > 0, applied.StandardOutput);
        var restored = await RunAsync("restore", credentials[0], ["restore", "--backup", bundle, "--registry", url]);
        Assert.True(restored.ExitCode == 0, restored.Combined);
        SecretSweep.RecordFiles("restore bundle", bundle);

        Breakage.RemoveChildRevisionLinks(registry.V2Root, DemoContent.AppRepository, content.AppV2);
        var journal = Path.Combine(System.IO.Directory.CreateDirectory(Path.Combine(Directory, "scan-journal")).FullName, "scan.jsonl");
        var scan = await RunAsync("scan --fix", null, ["scan", "--root", registry.StorageRoot, "--fix", "--journal", journal, "-o", "json", .. push]);
        Assert.True(scan.ExitCode is 0 or 1, scan.Combined);
        Assert.True(File.Exists(journal), scan.Combined);
        SecretSweep.RecordFiles("scan journal", Path.GetDirectoryName(journal)!);

        await AssertRefusedWithoutEchoAsync(password, ["probe", "--registry", $"http://user:{password}@{registry.HostPort}/"]);
        await AssertRefusedWithoutEchoAsync(password, ["verify", $"user:{password}@{registry.HostPort}/{DemoContent.AppRepository}:latest", "--plain-http"]);
        await AssertRefusedWithoutEchoAsync(password, ["probe", "--registry", url, "--pushgateway", $"http://push:{password}@{Gateway.Authority}/"]);
    }

    /// <summary>What the Pushgateway now serves (samples and grouping keys) and every OTLP payload received.</summary>
    public async Task RecordServedAsync()
    {
        SecretSweep.Record("pushgateway /metrics", await _gateway.ScrapeAsync());
        using var http = new HttpClient();
        SecretSweep.Record("pushgateway /api/v1/metrics (grouping keys)", await http.GetStringAsync(new Uri(Gateway, "api/v1/metrics")));
        var payloads = _otlp.Received;
        Assert.Contains(payloads, p => p.Path == "/v1/traces");
        foreach (var (path, body) in payloads)
        {
            SecretSweep.Record("otlp " + path, Encoding.Latin1.GetString(body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _otlp.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task AssertRefusedWithoutEchoAsync(string password, string[] arguments)
    {
        var refused = await RunAsync("url with the password in it", null, arguments);
        Assert.True(refused.ExitCode == 2, refused.Combined);
        Assert.Contains("***@", refused.StandardError, StringComparison.Ordinal);
        Assert.False(refused.Combined.Contains(password, StringComparison.Ordinal), "the refusal echoed the password"); // an assertion message must not echo it either
    }

    private static long Summary(ProcessResult run, string name)
    {
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.GetProperty("summary").GetProperty(name).GetInt64();
    }
}
