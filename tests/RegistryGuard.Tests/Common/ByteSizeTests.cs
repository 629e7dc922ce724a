using RegistryGuard.Common;

namespace RegistryGuard.Tests.Common;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("2GiB", 2L * 1024 * 1024 * 1024)]
    [InlineData("500MB", 500_000_000L)]
    [InlineData("1.5K", 1536L)]
    [InlineData("1048576", 1048576L)]
    [InlineData(" 3 MiB ", 3L * 1024 * 1024)]
    public void Parses_sizes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("lots")]
    [InlineData("99999999999TiB")]
    public void Rejects_non_sizes(string text) => Assert.False(ByteSize.TryParse(text, out _));

    [Fact]
    public void Formats_for_humans() => Assert.Equal("1.5 GiB", ByteSize.Format(1536L * 1024 * 1024));
}
