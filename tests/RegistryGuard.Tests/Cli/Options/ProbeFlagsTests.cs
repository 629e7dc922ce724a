using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Scheduling;
using RegistryGuard.Tests.Runs;
using RegistryGuard.Tests.Signatures;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class ProbeFlagsTests : IDisposable
{
    private static string NoDockerConfig => EmptyDockerConfig.Path;
    private readonly KeyFiles _keys = new();

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void Every_flag_lands_in_the_run_options()
    {
        var options = Probe("--registry", "registry.example:5050", "--concurrency", "4", "--timeout", "12", "--retries", "1",
            "--deep-budget", "2GiB", "--deep-state", "/tmp/cursor", "--pull-through", "cache/**", "--shard", "1/3", "--expect-auth",
            "--min-repositories", "7", "--state-file", "/tmp/catalog", "--cosign-key", _keys.P256, "--cosign-key", _keys.Rsa,
            "--require-signature", "release/**");

        Assert.Equal(new Uri("https://registry.example:5050"), options.Connection.Registry);
        Assert.Equal((4, TimeSpan.FromSeconds(12), 1), (options.Connection.Concurrency, options.Connection.Timeout, options.Connection.Retries));
        Assert.Equal((2L << 30, "/tmp/cursor"), (options.Walk.DeepBudgetBytes, options.Walk.DeepStateFile));
        Assert.Equal("cache/**", Assert.Single(options.Walk.PullThrough).Pattern);
        Assert.Equal((1, 3), (options.Shard.Index, options.Shard.Count));
        Assert.Equal((true, 7, "/tmp/catalog"), (options.ExpectAuth, options.MinRepositories, options.CatalogStateFile));
        Assert.Equal(["ECDSA P-256", "RSA"], options.Signatures.Keys.Select(k => k.Algorithm));
        Assert.Equal(OpensslFixtures.P256Fingerprint, options.Signatures.Keys[0].Fingerprint);
        Assert.Equal("release/**", Assert.Single(options.Signatures.Required).Pattern);
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
            "--deep", "--deep-budget", "2GiB", "--deep-state", "/tmp/cursor", "--pull-through", "cache/**", "--shard", "1/3",
            "--cosign-key", _keys.P256, "--cosign-key", _keys.Rsa, "--require-signature", "release/**", "--require-signature", "base/*");
        var job = ServeJob.Parse("probe", "https://registry.example:5050", $"""
            concurrency: 4
            timeout_seconds: 12
            retries: 1
            deep: true
            deep_budget: 2GiB
            deep_state: /tmp/cursor
            shard: 1/3
            cosign_keys: [{_keys.P256}, {_keys.Rsa}]
            require_signature: ["release/**", "base/*"]
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
    public void Signatures_are_off_by_default_and_on_with_a_key_requiring_them_only_where_a_glob_matches()
    {
        var off = Probe("--registry", "https://registry.example:5050");
        var on = Probe("--registry", "https://registry.example:5050", "--cosign-key", _keys.P256, "--require-signature", "release/**");

        Assert.Null(off.ToProbeOptions().Signatures);
        var signatures = on.ToProbeOptions().Signatures!;
        Assert.Equal(OpensslFixtures.P256Fingerprint, Assert.Single(signatures.Keys).Fingerprint);
        Assert.Equal((true, false), (signatures.IsRequired("release/app"), signatures.IsRequired("scratch/app")));
    }

    [Fact]
    public void A_bad_key_file_or_a_requirement_without_a_key_is_one_usage_error_naming_it()
    {
        var garbage = Assert.Throws<UsageException>(() => Probe("--registry", "https://registry.example:5050", "--cosign-key", _keys.NotAKey));
        var missing = Assert.Throws<UsageException>(() => Probe("--registry", "https://registry.example:5050", "--cosign-key", "/nonexistent/cosign.pub"));
        var keyless = Assert.Throws<UsageException>(() => Probe("--registry", "https://registry.example:5050", "--require-signature", "release/**"));
        var badGlob = Assert.Throws<UsageException>(() => Probe("--registry", "https://registry.example:5050", "--cosign-key", _keys.P256, "--require-signature", "../x"));

        Assert.Equal($"cosign key {_keys.NotAKey}: not a PEM public key (expected -----BEGIN PUBLIC KEY-----, as in cosign.pub)", garbage.Message);
        Assert.Equal("cosign key /nonexistent/cosign.pub: no such file", missing.Message);
        Assert.StartsWith("--require-signature needs at least one --cosign-key", keyless.Message, StringComparison.Ordinal);
        Assert.StartsWith("--require-signature '../x' contains '..'", badGlob.Message, StringComparison.Ordinal);
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
