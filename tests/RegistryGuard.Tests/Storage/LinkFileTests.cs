using System.Text;
using RegistryGuard.Storage;

namespace RegistryGuard.Tests.Storage;

public sealed class LinkFileTests
{
    private const string Hex = "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881";

    [Theory]
    [InlineData("sha256:" + Hex, null, "Valid")]
    [InlineData("sha256:" + Hex, Hex, "Valid")]
    [InlineData("sha256:" + Hex + "\n", null, "Corrupt")] // distribution writes no newline and rejects one
    [InlineData("SHA256:" + Hex, null, "Corrupt")]
    [InlineData("sha256:2D711642B726B04401627CA9FBAC32F5C8530FB1903CC4DB02258717921A4881", null, "Corrupt")]
    [InlineData("sha512:" + Hex, null, "Corrupt")]
    [InlineData("sha256:abc", null, "Corrupt")]
    [InlineData("garbage", null, "Corrupt")]
    [InlineData("sha256:" + Hex, "0000000000000000000000000000000000000000000000000000000000000000", "Corrupt")]
    public void Link_content_is_classified(string content, string? expectedHex, string expected)
    {
        Assert.Equal(expected, LinkFile.Parse(Encoding.ASCII.GetBytes(content), expectedHex).State.ToString());
    }

    [Fact]
    public void Link_content_with_control_characters_is_reported_printable()
    {
        var read = LinkFile.Parse("\u001b[31mred\n"u8, null);

        Assert.Equal(LinkState.Corrupt, read.State);
        Assert.DoesNotContain('\u001b', read.Problem!);
        Assert.Contains("'?[31mred?'", read.Problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_content_is_rejected_without_being_held()
    {
        Assert.Equal(LinkState.Corrupt, LinkFile.Parse(new byte[LinkFile.MaxBytes + 1], null).State);
    }
}
