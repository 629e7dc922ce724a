using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Scheduling;
using RegistryGuard.Tests.Runs;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class PruneFlagsTests : IDisposable
{
    private static string NoDockerConfig => EmptyDockerConfig.Path;
    private readonly string _directory = Directory.CreateTempSubdirectory("prune-flags-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Over_the_api_the_command_line_and_serve_map_the_same_defaults_including_concurrency_16()
    {
        var cli = Prune("--registry", "https://registry.example:5050");
        var job = ServeJob.Parse("prune", "https://registry.example:5050");

        var serve = ServeRunOptions.Prune(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(PruneRunOptions.OverApi(new RegistryConnection(new Uri("https://registry.example:5050")))), RecordText.Of(cli));
        Assert.Equal(RecordText.Of(cli), RecordText.Of(serve));
        Assert.Equal(16, serve.Connection!.Concurrency); // was 8 under serve: the command line's documented default wins
        Assert.Equal((10, "latest", false), (serve.Rules.Defaults.Keep, Assert.Single(serve.Rules.Defaults.Protect).Pattern, serve.Apply));
    }

    [Fact]
    public void On_storage_the_command_line_and_serve_map_the_same_defaults_and_serve_names_its_registry_as_the_instance()
    {
        var cli = Prune("--root", _directory);
        var job = ServeJob.Parse("prune", "http://127.0.0.1:5000", "via: storage", $"storage_root: {_directory}");

        var serve = ServeRunOptions.Prune(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(PruneRunOptions.OnStorage(_directory)), RecordText.Of(cli));
        Assert.Equal(RecordText.Of(cli with { Registry = job.Registry.Url }), RecordText.Of(serve));
        Assert.Equal("127.0.0.1:5000", serve.Instance);
        Assert.Equal(Environment.MachineName, cli.Instance);
    }

    [Fact]
    public void The_same_policy_given_on_the_command_line_or_in_serve_yaml_maps_to_the_same_options()
    {
        var policy = Path.Combine(_directory, "policy.yml");
        File.WriteAllText(policy, "defaults:\n  keep: 5\n  protect: [latest, stable]\nrepositories:\n  - match: \"team/**\"\n    keep: 2\n");
        var cli = Prune("--registry", "https://registry.example:5050", "--config", policy, "--keep", "3", "--semver", "--keep-untagged", "--apply",
            "--concurrency", "4", "--timeout", "12", "--retries", "1");
        var job = ServeJob.Parse("prune", "https://registry.example:5050", $"""
            config: {policy}
            keep: 3
            semver: true
            keep_untagged: true
            apply: true
            concurrency: 4
            timeout_seconds: 12
            retries: 1
            """);

        var serve = ServeRunOptions.Prune(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(cli), RecordText.Of(serve));
        Assert.Equal((3, true, true), (cli.Rules.Defaults.Keep, cli.Rules.Defaults.Semver, cli.Rules.Defaults.KeepUntagged));
        Assert.Equal(["latest", "stable"], cli.Rules.Defaults.Protect.Select(p => p.Pattern));
        Assert.Equal(2, Assert.Single(cli.Rules.Repositories).Policy.Keep);
    }

    [Fact]
    public void Every_flag_of_the_run_lands_in_the_run_options()
    {
        var backup = Path.Combine(_directory, "bundle");

        var options = Prune("--registry", "https://registry.example:5050", "--apply", "--backup", backup, "--gc-command", "true", "--include", "team/**", "--exclude", "team/keep");

        Assert.Equal((true, backup, "true"), (options.Apply, options.Backup, options.GcCommand));
        Assert.Equal("team/**", Assert.Single(options.Rules.Include).Pattern);
        Assert.Equal("team/keep", Assert.Single(options.Rules.Exclude).Pattern);
    }

    [Theory]
    [InlineData("give exactly one of --registry URL (API) or --root DIR (storage)")]
    [InlineData("--apply and --dry-run contradict each other", "--registry", "https://r.example", "--apply", "--dry-run")]
    [InlineData("--keep must be 0 or more", "--registry", "https://r.example", "--keep", "-1")]
    [InlineData("--include/--exclude '../x' contains '..'", "--registry", "https://r.example", "--include", "../x")]
    public void A_bad_combination_is_a_usage_error(string message, params string[] args)
    {
        var ex = Assert.Throws<UsageException>(() => Prune(args));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    private static PruneRunOptions Prune(params string[] args)
    {
        var flags = new PruneFlags();
        return flags.Map(FlagsParser.Parse(flags.AddTo, [.. args, "--docker-config", NoDockerConfig]));
    }
}
