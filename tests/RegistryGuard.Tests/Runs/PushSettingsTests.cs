using RegistryGuard.Metrics;
using RegistryGuard.Probing;
using RegistryGuard.Runs;

namespace RegistryGuard.Tests.Runs;

public sealed class PushSettingsTests
{
    private static readonly Uri Gateway = new("http://gateway:9091");

    [Fact]
    public void The_group_is_the_verb_s_job_and_the_registry_as_instance()
    {
        var key = new PushSettings(Gateway).Key(ProbeRunOptions.DefaultJob, PushSettings.InstanceOf(new Uri("https://registry.example")), Shard.Whole);

        Assert.Equal("metrics/job/registry-integrity-probe/instance/registry.example:443", key.ToPath());
    }

    [Fact]
    public void A_storage_run_that_knows_no_registry_is_grouped_under_this_machine()
    {
        Assert.Equal(Environment.MachineName, PushSettings.DefaultInstance(null));
        Assert.Equal("127.0.0.1:5000", PushSettings.DefaultInstance(new Uri("http://127.0.0.1:5000")));
    }

    [Fact]
    public void A_sharded_probe_adds_its_shard_and_labels_given_win_over_the_defaults()
    {
        var push = new PushSettings(Gateway) { Job = "nightly", Labels = [new MetricLabel("instance", "vm-1"), new MetricLabel("shard", "a")] };

        Assert.Equal("job=nightly,instance=vm-1,shard=a", push.Key(ProbeRunOptions.DefaultJob, "registry:5000", new Shard(2, 4)).ToString());
        Assert.Equal("job=registry-integrity-probe,instance=registry:5000,shard=2", new PushSettings(Gateway).Key(ProbeRunOptions.DefaultJob, "registry:5000", new Shard(2, 4)).ToString());
    }

    [Fact]
    public void A_label_given_twice_is_refused()
    {
        var push = new PushSettings(Gateway) { Labels = [new MetricLabel("team", "a"), new MetricLabel("team", "b")] };

        Assert.Throws<ArgumentException>(() => push.Key(ScanRunOptions.DefaultJob, "vm", Shard.Whole));
    }
}
