using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Tests.Runs;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class VerifyFlagsTests
{
    private static readonly string NoDockerConfig = Path.Combine(Path.GetTempPath(), "registryguard-tests-no-docker-config.json");

    [Fact]
    public void The_image_and_the_walk_land_in_the_run_options_with_the_probe_s_defaults()
    {
        var options = Verify("127.0.0.1:5000/demo/app:1.0", "--plain-http");

        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.Connection.Registry);
        Assert.Equal(("demo/app", "1.0"), (options.Repository, options.Reference));
        Assert.Equal(RecordText.Of(new RegistryConnection(new Uri("http://127.0.0.1:5000"))), RecordText.Of(options.Connection));
        Assert.Equal(RecordText.Of(new WalkSettings()), RecordText.Of(options.Walk));
    }

    [Fact]
    public void Its_results_go_to_their_own_job_not_the_probe_s_group()
    {
        var options = Verify("registry.example/team/api@sha256:" + new string('a', 64), "--pushgateway", "http://gateway:9091");

        var key = options.Push!.Key(VerifyRunOptions.DefaultJob, options.Connection.Instance, RegistryGuard.Probing.Shard.Whole);

        Assert.Equal("job=registryguard-verify,instance=registry.example:443", key.ToString());
    }

    private static VerifyRunOptions Verify(params string[] args)
    {
        var flags = new VerifyFlags();
        return flags.Map(FlagsParser.Parse(flags.AddTo, [.. args, "--docker-config", NoDockerConfig]));
    }
}
