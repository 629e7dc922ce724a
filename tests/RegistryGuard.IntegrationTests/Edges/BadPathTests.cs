using System.Net;
using System.Net.Sockets;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Edges;

/// <summary>
/// Every place a run writes (journal, restore bundle, state files) pointing somewhere it cannot write, and serve's
/// port already taken: one line, exit 2, and for anything that changes a registry, nothing changed.
/// </summary>
public sealed class BadPathTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("registryguard-bad-paths-").FullName;

    /// <summary>A path "inside" a regular file: no user, root included, can create it.</summary>
    private string Impossible(string name)
    {
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "not a directory");
        return Path.Combine(file, name);
    }

    [Fact]
    public async Task Scan_fix_with_a_journal_that_cannot_be_written_refuses_before_the_first_repair()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var removed = Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        var journal = Impossible("fix.jsonl");

        var result = await CliRunner.RunAsync("scan", "--root", seeded.Registry.StorageRoot, "--fix", "--journal", journal);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = OneLineErrors.Single(result);
        Assert.Contains(journal, line, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", line, StringComparison.Ordinal);
        Assert.Contains("--journal", line, StringComparison.Ordinal);
        Assert.All(removed, digest => Assert.False(File.Exists(StoragePaths.RevisionLink(seeded.Registry.V2Root, DemoContent.AppRepository, digest))));
    }

    [Fact]
    public async Task Prune_apply_with_a_backup_that_cannot_be_written_refuses_before_the_first_delete()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var backup = Impossible("bundle");

        var result = await CliRunner.RunAsync("prune", "--registry", seeded.Url, "--keep", "0", "--protect", "none", "--order", "name", "--apply", "--backup", backup);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--backup", OneLineErrors.Single(result), StringComparison.Ordinal);
        using var client = new RegistryClient(new RegistryClientOptions(seeded.Registry.Url));
        foreach (var tagged in seeded.Content.Tags)
        {
            Assert.NotNull(await client.ResolveAsync(tagged.Repository, tagged.Tag, CancellationToken.None)); // nothing was deleted
        }
    }

    [Fact]
    public async Task Prune_apply_on_storage_with_a_journal_that_cannot_be_written_refuses_before_the_first_change()
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var before = Directory.GetFiles(seeded.Registry.V2Root, "link", SearchOption.AllDirectories).Length;

        var result = await CliRunner.RunAsync("prune", "--root", seeded.Registry.StorageRoot, "--keep", "0", "--protect", "none", "--apply", "--journal", Impossible("prune.jsonl"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--journal", OneLineErrors.Single(result), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(seeded.Registry.V2Root, "link", SearchOption.AllDirectories).Length);
    }

    [Theory]
    [InlineData("--state-file")]
    [InlineData("--upstream-state")]
    [InlineData("--deep-state")]
    public async Task A_probe_state_file_that_cannot_be_written_stops_the_probe_before_it_walks(string flag)
    {
        await using var seeded = await SeededRegistry.StartAsync();
        var state = Impossible("state");
        string[] extra = flag switch
        {
            "--upstream-state" => ["--pull-through", "mirror/**"],
            "--deep-state" => ["--deep-budget", "1MiB"],
            _ => [],
        };

        var result = await CliRunner.RunAsync(["probe", "--registry", seeded.Url, flag, state, .. extra], null, null);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = OneLineErrors.Single(result);
        Assert.Contains(flag, line, StringComparison.Ordinal);
        Assert.Contains(state, line, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public async Task Serve_whose_port_is_taken_says_so_in_one_line_and_exits_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var config = Path.Combine(_directory, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            registries:
              - name: main
                url: http://127.0.0.1:1
            jobs:
              - name: probe
                type: probe
                registry: main
                schedule: "0 3 * * *"
            """);

        var result = await CliRunner.RunAsync("serve", "--config", config);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var line = OneLineErrors.Single(result);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("already in use", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
