using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.IntegrationTests.Edges;

/// <summary>
/// Images without a <c>created</c> time over the API: push times are unknown, so "newest" cannot be told by time.
/// The prune says so once (text and JSON), refuses --apply until an order is chosen, and --order name ranks v10
/// above v5 (digits as numbers), so the old v5 goes and v10 stays.
/// </summary>
public sealed class PruneOrderTests
{
    private const string Repository = "team/versions";

    private static async Task<LocalRegistry> RegistryWithUndatedVersionsAsync()
    {
        var registry = await LocalRegistry.StartAsync();
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        foreach (var version in new[] { "v5", "v9", "v10" })
        {
            var image = ImageFactory.Image(new Platform("linux", "amd64"), created: null, ImageFactory.Layer("versions-" + version));
            await ImagePusher.PushAsync(client, Repository, version, image, CancellationToken.None);
        }

        return registry;
    }

    [Fact]
    public async Task Unknown_push_times_are_said_once_and_an_apply_without_an_order_changes_nothing()
    {
        await using var registry = await RegistryWithUndatedVersionsAsync();

        var text = await CliRunner.RunAsync("prune", "--registry", registry.Url.ToString(), "--keep", "2");
        var json = await CliRunner.RunAsync("prune", "--registry", registry.Url.ToString(), "--keep", "2", "-o", "json");
        var apply = await CliRunner.RunAsync("prune", "--registry", registry.Url.ToString(), "--keep", "2", "--apply", "--backup", Path.Combine(registry.RootDirectory, "bundle"));

        Assert.Equal(ExitCodes.Clean, text.ExitCode);
        Assert.Equal(1, CountOf("push times unknown", text.StandardOutput + text.StandardError));
        using var report = JsonDocument.Parse(json.StandardOutput);
        Assert.Equal(1, report.RootElement.GetProperty("warnings").EnumerateArray().Count(w => w.GetString()!.Contains("push times unknown", StringComparison.Ordinal)));
        Assert.Equal(3, report.RootElement.GetProperty("summary").GetProperty("tags_without_push_time").GetInt32());
        Assert.Equal(ExitCodes.Usage, apply.ExitCode);
        Assert.Contains("--order semver|name|time", OneLineErrors.Single(apply), StringComparison.Ordinal);
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        Assert.NotNull(await client.ResolveAsync(Repository, "v5", CancellationToken.None));
    }

    [Fact]
    public async Task Order_name_ranks_v10_above_v5_and_the_apply_prunes_the_oldest_version()
    {
        await using var registry = await RegistryWithUndatedVersionsAsync();

        var result = await CliRunner.RunAsync("prune", "--registry", registry.Url.ToString(), "--keep", "2", "--order", "name", "--apply",
            "--backup", Path.Combine(registry.RootDirectory, "bundle"), "-o", "json");

        Assert.Equal(ExitCodes.Clean, result.ExitCode);
        using var client = new RegistryClient(new RegistryClientOptions(registry.Url));
        Assert.NotNull(await client.ResolveAsync(Repository, "v10", CancellationToken.None));
        Assert.NotNull(await client.ResolveAsync(Repository, "v9", CancellationToken.None));
        await Assert.ThrowsAsync<RegistryNotFoundException>(() => client.ResolveAsync(Repository, "v5", CancellationToken.None));
    }

    private static int CountOf(string text, string output) =>
        output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));
}
