using RegistryGuard.Common;

namespace RegistryGuard.Tests.Scanning;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("24h", 24 * 60)]
    [InlineData("90m", 90)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("1.5h", 90)]
    [InlineData("01:30:00", 90)]
    public void Durations_parse(string text, int minutes)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMinutes(minutes), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("soon")]
    [InlineData("1e9d")]
    public void Nonsense_is_rejected(string text) => Assert.False(DurationText.TryParse(text, out _));
}
