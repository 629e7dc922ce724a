using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Scheduling;
using RegistryGuard.Tests.Runs;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class ProbeFlagsTests
{
    private static readonly string NoDockerConfig = Path.Combine(Path.GetTempPath(), "registryguard-tests-no-docker-config.json");

    [Fact]
    public void Every_flag_lands_in_the_run_options()
    {
        var options = Probe("--registry", "registry.example:5050", "--concurrency", "4", "--timeout", "12", "--retries", "1",
            "--deep-budget", "2GiB", "--deep-state", "/tmp/cursor", "--pull-through", "cache/**", "--shard", "1/3", "--expect-auth",
            "--min-repositories", "7", "--state-file", "/tmp/catalog");

        Assert.Equal(new Uri("https://registry.example:5050"), options.Connection.Registry);
        Assert.Equal((4, TimeSpan.FromSeconds(12), 1), (options.Connection.Concurrency, options.Connection.Timeout, options.Connection.Retries));
        Assert.Equal((2L << 30, "/tmp/cursor"), (options.Walk.DeepBudgetBytes, options.Walk.DeepStateFile));
        Assert.Equal("cache/**", Assert.Single(options.Walk.PullThrough).Pattern);
        Assert.Equal((1, 3), (options.Shard.Index, options.Shard.Count));
        Assert.Equal((true, 7, "/tmp/catalog"), (options.ExpectAuth, options.MinRepositories, options.CatalogStateFile));
        Assert.Null(options.Push);
    }

    [Fact]
    public void The_command_line_and_serve_map_the_same_defaults()
    {
        var cli = Probe("--registry", "https://registry.example:5050");
        var job = ServeJob.Parse("probe", "https://registry.example:5050");

        var serve = ServeRunOptions.Probe(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(new ProbeRunOptions(new RegistryConnection(new Uri("https://registry.example:5050")))), RecordText.Of(cli));
        Assert.Equal(RecordText.Of(cli), RecordText.Of(serve));
    }

    [Fact]
    public void The_same_settings_given_on_the_command_line_or_in_serve_yaml_map_to_the_same_options()
    {
        var cli = Probe("--registry", "https://registry.example:5050", "--concurrency", "4", "--timeout", "12", "--retries", "1",
            "--deep", "--deep-budget", "2GiB", "--deep-state", "/tmp/cursor", "--pull-through", "cache/**", "--shard", "1/3");
        var job = ServeJob.Parse("probe", "https://registry.example:5050", """
            concurrency: 4
            timeout_seconds: 12
            retries: 1
            deep: true
            deep_budget: 2GiB
            deep_state: /tmp/cursor
            shard: 1/3
            """, "pull_through: cache/**");

        var serve = ServeRunOptions.Probe(job.Job, job.Registry, push: null);

        Assert.Equal(RecordText.Of(cli), RecordText.Of(serve));
    }

    [Fact]
    public void A_deep_budget_keeps_its_cursor_in_the_state_directory_from_the_command_line_and_from_serve()
    {
        var cli = Probe("--registry", "https://registry.example:5050", "--deep-budget", "1GiB");
        var job = ServeJob.Parse("probe", "https://registry.example:5050", "deep_budget: 1GiB");

        var serve = ServeRunOptions.Probe(job.Job, job.Registry, push: null);

        var expected = StateDirectory.DeepCursor(new Uri("https://registry.example:5050"));
        Assert.Equal(expected, cli.ToProbeOptions().DeepStateFile);
        Assert.Equal(expected, serve.ToProbeOptions().DeepStateFile);
        Assert.True(serve.ToProbeOptions().Deep);
    }

    [Fact]
    public void The_walk_uses_as_many_workers_as_the_connection_allows_requests()
    {
        var options = Probe("--registry", "https://registry.example:5050", "--concurrency", "5");

        Assert.Equal(5, options.ToProbeOptions().Concurrency);
        Assert.Equal(5, options.Connection.ClientOptions().Concurrency);
    }

    [Theory]
    [InlineData("--shard", "3/3", "not a shard")]
    [InlineData("--min-repositories", "-1", "--min-repositories must not be negative")]
    [InlineData("--deep-budget", "lots", "--deep-budget 'lots' is not a size such as 2GiB")]
    [InlineData("--concurrency", "0", "--concurrency must be between 1 and 1024")]
    public void A_bad_value_is_a_usage_error_naming_the_flag(string flag, string value, string message)
    {
        var ex = Assert.Throws<UsageException>(() => Probe("--registry", "https://registry.example:5050", flag, value));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    internal static ProbeRunOptions Probe(params string[] args)
    {
        var flags = new ProbeFlags();
        return flags.Map(FlagsParser.Parse(flags.AddTo, [.. args, "--docker-config", NoDockerConfig]));
    }
}
