using System.Globalization;
using System.Text.Json;
using RegistryGuard.Common;
using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Auth;
using RegistryGuard.IntegrationTests.Infrastructure;
using RegistryGuard.Registry.Auth;

namespace RegistryGuard.IntegrationTests.Serve;

/// <summary>serve with both kinds of configured credentials: its log, endpoints, pushes and files go to the secrets sweep.</summary>
[Collection(SecretSweepGroup.Name)]
public sealed class ServeSecretSweepTests
{
    [Fact]
    public async Task Serve_with_password_file_and_docker_config_leaves_no_secret_in_its_log_endpoints_pushes_bundles_or_journals()
    {
        const string user = "serve-sweeper";
        var password = SecretSweep.NewSecret("serve");
        await using var gateway = await Pushgateway.StartAsync();
        await using var seeded = await SeededRegistry.StartAsync(await Htpasswd.CreateAsync(user, password), new RegistryCredentials(user, password));
        Breakage.RemoveChildRevisionLinks(seeded.Registry.V2Root, DemoContent.AppRepository, seeded.Content.AppV2);
        var directory = seeded.Registry.RootDirectory;
        var credentials = CliCredentials.EveryKind(directory, seeded.Registry.HostPort, user, password);
        var bundles = Path.Combine(directory, "bundles");
        var journals = Path.Combine(directory, "journals");
        var port = FreePort.Next();
        var config = Path.Combine(directory, "serve.yml");
        await File.WriteAllTextAsync(config, $"""
            listen: 127.0.0.1:{port}
            pushgateway: {gateway.Url}
            registries:
              - name: with-password-file
                url: {seeded.Url}
                username: {user}
                password_file: {credentials.Single(c => c.Kind == "password-file").Arguments[^1]}
                storage_root: {seeded.Registry.StorageRoot}
              - name: with-docker-config
                url: {seeded.Url}
                docker_config: {credentials.Single(c => c.Kind == "docker-config").Arguments[^1]}
            jobs:
              - name: probe
                type: probe
                registry: with-docker-config
                schedule: "* * * * * *"
              - name: prune
                type: prune
                registry: with-password-file
                schedule: "*/2 * * * * *"
                options:
                  apply: true
                  keep: 0
                  backup_dir: {bundles}
              - name: scan-fix
                type: scan
                registry: with-password-file
                schedule: "*/2 * * * * *"
                options:
                  fix: true
                  journal_dir: {journals}
            """);

        await using var serve = CliProcess.Start("serve", "--config", config, "--log-level", "Trace");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        var status = await ServeEndToEndTests.PollAsync(serve, http, s => s.GetProperty("jobs").EnumerateArray().All(j => j.GetProperty("last_run").ValueKind == JsonValueKind.Object));

        SecretSweep.Record("serve /status", status.GetRawText());
        SecretSweep.Record("serve /metrics", await http.GetStringAsync("metrics"));
        SecretSweep.Record("pushgateway /metrics (serve)", await gateway.ScrapeAsync());
        await ProcessRunner.RunAsync("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(0, await serve.WaitForExitAsync());
        SecretSweep.Record("serve log", serve.Output);
        Assert.NotEmpty(Directory.GetFiles(journals));
        Assert.NotEmpty(Directory.GetFiles(bundles, "index.json", SearchOption.AllDirectories));
        SecretSweep.RecordFiles("serve restore bundles", bundles);
        SecretSweep.RecordFiles("serve scan journals", journals);
        var jobs = status.GetProperty("jobs").EnumerateArray().ToDictionary(j => j.GetProperty("name").GetString()!, j => j.GetProperty("last_run").GetProperty("exit_code").GetInt32());
        Assert.True(jobs["probe"] is 0 or 1, status.GetRawText()); // authenticated: never 3 (registry unavailable)
        Assert.True(jobs["prune"] == 0, status.GetRawText());
    }
}
