using RegistryGuard.Demo;

namespace RegistryGuard.IntegrationTests.Infrastructure;

/// <summary>The ports test servers listen on stay out of the range outgoing connections draw their source ports from.</summary>
public sealed class LoopbackPortsTests
{
    [Theory]
    [InlineData("32768\t60999\n", 20768, 32768)]
    [InlineData("15000 60999", 10000, 15000)]
    public void The_range_sits_just_below_the_ephemeral_one(string rangeText, int low, int high) =>
        Assert.Equal((low, high), LoopbackPorts.BelowEphemeralRange(rangeText));

    [Theory]
    [InlineData("1024\t65535")]
    [InlineData("10500 60999")]
    [InlineData("")]
    [InlineData("not a range")]
    public void No_room_below_or_no_range_leaves_the_choice_to_the_kernel(string rangeText) =>
        Assert.Null(LoopbackPorts.BelowEphemeralRange(rangeText));

    [Fact]
    public void Ports_handed_out_are_distinct_and_below_this_machine_s_ephemeral_range()
    {
        var range = LoopbackPorts.BelowEphemeralRange(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range"));
        Assert.NotNull(range);

        var ports = Enumerable.Range(0, 200).Select(_ => LoopbackPorts.Next()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.InRange(port, range.Value.Low, range.Value.High - 1));
    }
}
