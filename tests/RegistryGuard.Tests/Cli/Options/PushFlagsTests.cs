using RegistryGuard.Cli.Options;
using RegistryGuard.Probing;
using RegistryGuard.Runs;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class PushFlagsTests
{
    [Fact]
    public void Without_pushgateway_nothing_is_pushed()
    {
        Assert.Null(Push());
    }

    [Fact]
    public void Job_and_grouping_keys_from_the_command_line_and_the_defaults_for_the_rest()
    {
        var push = Push("--pushgateway", "http://gateway:9091", "--grouping-key", "team=platform", "--grouping-key", "env=prod")!;

        Assert.Equal(new Uri("http://gateway:9091"), push.Gateway);
        Assert.Equal("job=registry-integrity-probe,team=platform,env=prod,instance=registry:5000,shard=1",
            push.Key(ProbeRunOptions.DefaultJob, "registry:5000", new Shard(1, 4)).ToString());
    }

    [Fact]
    public void A_pushgateway_given_to_serve_groups_like_the_command_line_without_flags()
    {
        var cli = Push("--pushgateway", "http://gateway:9091")!;
        var serve = new PushSettings(new Uri("http://gateway:9091"));

        Assert.Equal(cli.Key(ProbeRunOptions.DefaultJob, "registry:5000", Shard.Whole).ToPath(), serve.Key(ProbeRunOptions.DefaultJob, "registry:5000", Shard.Whole).ToPath());
    }

    [Theory]
    [InlineData("--pushgateway 'ftp://gateway' is not an http(s) URL without credentials in it", "--pushgateway", "ftp://gateway")]
    [InlineData("--pushgateway 'http://***@gateway/' is not an http(s) URL", "--pushgateway", "http://user:secret@gateway/")]
    [InlineData("--grouping-key 'team' is not k=v", "--pushgateway", "http://gateway", "--grouping-key", "team")]
    public void A_bad_flag_is_a_usage_error_that_shows_no_credential(string message, params string[] args)
    {
        var ex = Assert.Throws<UsageException>(() => Push(args));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    private static PushSettings? Push(params string[] args)
    {
        var flags = new PushFlags(ProbeRunOptions.DefaultJob);
        return flags.Map(FlagsParser.Parse(flags.AddTo, args));
    }
}
