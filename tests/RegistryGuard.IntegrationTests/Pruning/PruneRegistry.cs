using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Pruning;

/// <summary>A real registry with <see cref="PruneScenario"/> pushed.</summary>
internal sealed class PruneRegistry : IAsyncDisposable
{
    private PruneRegistry(LocalRegistry registry, PruneScenario scenario, RegistryClient client)
    {
        Registry = registry;
        Scenario = scenario;
        Client = client;
    }

    public LocalRegistry Registry { get; }

    public PruneScenario Scenario { get; }

    public RegistryClient Client { get; }

    public string Url => Registry.Url.ToString();

    public static async Task<PruneRegistry> StartAsync()
    {
        var registry = await LocalRegistry.StartAsync();
        var scenario = new PruneScenario();
        var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        await scenario.PushAsync(client);
        return new PruneRegistry(registry, scenario, client);
    }

    public async Task<List<string>> TagsAsync()
    {
        var tags = new List<string>();
        await foreach (var tag in Client.ListTagsAsync(PruneScenario.Repository, 1000, CancellationToken.None))
        {
            tags.Add(tag);
        }

        return tags;
    }

    public async Task AssertPullsAsync(IEnumerable<string> tags)
    {
        foreach (var tag in tags)
        {
            var pull = await Skopeo.PullAllAsync(Registry.HostPort, $"{PruneScenario.Repository}:{tag}");
            Assert.True(pull.ExitCode == 0, $"{tag}: {pull.Combined}");
        }
    }

    public async Task AssertProbeCleanAsync()
    {
        var probe = await CliRunner.RunAsync("probe", "--registry", Url, "--output", "json");
        Assert.True(probe.ExitCode == 0, probe.Combined);
        Assert.Empty(JsonReport.Parse(probe.StandardOutput).Findings);
    }

    /// <summary>The storage agrees: no dangling link, no orphaned child, nothing garbage-collect would choke on.</summary>
    public async Task AssertScanCleanAsync()
    {
        var scan = await CliRunner.RunAsync("scan", "--root", Registry.StorageRoot, "--output", "json");
        Assert.True(scan.ExitCode == 0, scan.Combined);
        Assert.Empty(JsonReport.Parse(scan.StandardOutput).Failures);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Registry.DisposeAsync();
    }
}
