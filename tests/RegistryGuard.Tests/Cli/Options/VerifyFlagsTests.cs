using RegistryGuard.Cli.Options;
using RegistryGuard.Runs;
using RegistryGuard.Tests.Runs;
using RegistryGuard.Tests.Signatures;

namespace RegistryGuard.Tests.Cli.Options;

public sealed class VerifyFlagsTests : IDisposable
{
    private static string NoDockerConfig => EmptyDockerConfig.Path;
    private readonly KeyFiles _keys = new();

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void The_image_and_the_walk_land_in_the_run_options_with_the_probe_s_defaults()
    {
        var options = Verify("127.0.0.1:5000/demo/app:1.0", "--plain-http");

        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.Connection.Registry);
        Assert.Equal(("demo/app", "1.0"), (options.Repository, options.Reference));
        Assert.Equal(RecordText.Of(new RegistryConnection(new Uri("http://127.0.0.1:5000"))), RecordText.Of(options.Connection));
        Assert.Equal(RecordText.Of(new WalkSettings()), RecordText.Of(options.Walk));
        Assert.Equal(RecordText.Of(new SignatureSettings()), RecordText.Of(options.Signatures));
        Assert.Null(options.ToProbeOptions().Signatures);
    }

    [Fact]
    public void With_a_key_the_one_image_must_be_signed_whatever_its_repository()
    {
        var options = Verify("127.0.0.1:5000/scratch/app:1.0", "--plain-http", "--cosign-key", _keys.P256, "--cosign-key", _keys.Rsa);

        var signatures = options.ToProbeOptions().Signatures!;

        Assert.Equal(2, signatures.Keys.Count);
        Assert.True(signatures.IsRequired("scratch/app"));
    }

    [Fact]
    public void A_bad_key_file_is_a_usage_error_and_require_signature_is_not_a_verify_flag()
    {
        var ex = Assert.Throws<UsageException>(() => Verify("127.0.0.1:5000/team/app:1.0", "--cosign-key", _keys.NotAKey));
        var flags = new VerifyFlags();
        var command = new System.CommandLine.RootCommand();
        flags.AddTo(command);

        Assert.StartsWith($"cosign key {_keys.NotAKey}: not a PEM public key", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(command.Parse(["127.0.0.1:5000/team/app:1.0", "--cosign-key", _keys.P256, "--require-signature", "**"]).Errors);
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
