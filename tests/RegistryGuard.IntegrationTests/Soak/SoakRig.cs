using RegistryGuard.IntegrationTests.Infrastructure;

namespace RegistryGuard.IntegrationTests.Soak;

/// <summary>
/// The soak's parts, all real: docker-registry seeded with the demo content and <see cref="SoakImages"/>, a
/// Pushgateway with a persistence file, and <c>registryguard serve</c> as a process with second-level schedules for
/// a probe, a dry-run scan, a fixing scan, an applying prune and a plain gc.
/// </summary>
internal sealed class SoakRig : IAsyncDisposable
{
    public const string Probe = "probe";
    public const string Scan = "scan";
    public const string ScanFix = "scan-fix";
    public const string Prune = "prune";
    public const string Gc = "gc";
    public const int Keep = 4;

    private readonly HttpClient _http;

    private SoakRig(SeededRegistry registry, Pushgateway gateway, CliProcess serve, int port, string workDirectory)
    {
        Registry = registry;
        Gateway = gateway;
        Serve = serve;
        WorkDirectory = workDirectory;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        Pusher = new SoakPusher(registry.Registry.Url, SafeToPushAsync, TimeSpan.FromSeconds(2));
    }

    public static IReadOnlySet<string> MutatingJobs { get; } = new HashSet<string>(StringComparer.Ordinal) { ScanFix, Prune, Gc };

    public static IReadOnlyList<string> Jobs { get; } = [Probe, Scan, ScanFix, Prune, Gc];

    public SeededRegistry Registry { get; }

    public Pushgateway Gateway { get; }

    public CliProcess Serve { get; }

    public SoakPusher Pusher { get; }

    public string WorkDirectory { get; }

    public string Journals => Path.Combine(WorkDirectory, "journals");

    public string Backups => Path.Combine(WorkDirectory, "prune-backups");

    public static async Task<SoakRig> StartAsync()
    {
        var registry = await SeededRegistry.StartAsync();
        var work = Directory.CreateTempSubdirectory("registryguard-soak-").FullName;
        var gateway = await Pushgateway.StartAsync(Path.Combine(work, "pushgateway.state"));
        var port = FreePort.Next();
        var config = Path.Combine(work, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            pushgateway: {gateway.Url}
            registries:
              - name: main
                url: {registry.Url}
                storage_root: {registry.Registry.StorageRoot}
            jobs:
              - name: {Probe}
                type: probe
                registry: main
                schedule: "* * * * * *"
                options:
                  concurrency: 4
              - name: {Scan}
                type: scan
                registry: main
                schedule: "*/2 * * * * *"
              - name: {ScanFix}
                type: scan
                registry: main
                schedule: "1/5 * * * * *"
                options:
                  fix: true
                  journal_dir: {Path.Combine(work, "journals")}
              - name: {Prune}
                type: prune
                registry: main
                schedule: "*/3 * * * * *"
                options:
                  apply: true
                  keep: {Keep}
                  backup_dir: {Path.Combine(work, "prune-backups")}
              - name: {Gc}
                type: gc
                registry: main
                schedule: "30 * * * * *"
                options:
                  command: {RequiredTool.Path("docker-registry")}
                  config: {registry.Registry.ConfigPath}
                  dry_run: false
            """);
        var serve = CliProcess.Start("serve", "--config", config);
        var rig = new SoakRig(registry, gateway, serve, port, work);
        await rig.Pusher.SeedAsync(CancellationToken.None);
        return rig;
    }

    public IReadOnlyList<string> Lines() => ServeLog.Lines(Serve.Output);

    public async Task<IReadOnlyDictionary<string, ServeJobState>> StatusAsync() => ServeJobState.Parse(await _http.GetStringAsync("status"));

    public async Task<IReadOnlyList<ScrapedSample>> MetricsAsync() => ScrapedSample.Parse(await _http.GetStringAsync("metrics"));

    /// <summary>Polls /status until <paramref name="done"/> holds; a condition ends the wait, the bound only guards against a hang.</summary>
    public async Task<IReadOnlyDictionary<string, ServeJobState>> WaitForAsync(Func<IReadOnlyDictionary<string, ServeJobState>, bool> done, string what)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (guard.Elapsed < TimeSpan.FromMinutes(5))
        {
            Assert.False(Serve.HasExited, "serve exited:\n" + Serve.Output);
            try
            {
                var status = await StatusAsync();
                if (done(status))
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve never got to: {what}; output:\n{Serve.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        await Pusher.DisposeAsync();
        await Serve.DisposeAsync();
        await Gateway.DisposeAsync();
        await Registry.DisposeAsync();
        _http.Dispose();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the temp cleaner will get it
        }
    }

    /// <summary>
    /// A push must not meet garbage-collect (distribution's gc may sweep the blobs of a push it did not see): only
    /// while gc neither runs nor waits and its next instant is well ahead.
    /// </summary>
    private async Task<bool> SafeToPushAsync()
    {
        try
        {
            var gc = (await StatusAsync())[Gc];
            return !gc.Running && gc.NextRun is { } next && next - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(8);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
