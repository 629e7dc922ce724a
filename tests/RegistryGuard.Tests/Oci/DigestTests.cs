using RegistryGuard.Oci;

namespace RegistryGuard.Tests.Oci;

public sealed class DigestTests
{
    [Fact]
    public void Sha256_of_known_bytes_matches_the_standard_value() =>
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digest.Sha256Of([]).ToString());

    [Theory]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", false)]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", false)]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e", false)]
    [InlineData("sha256:../../../../etc/passwd", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_well_formed_digests_parse(string? text, bool valid) => Assert.Equal(valid, Digest.TryParse(text, out _));

    [Fact]
    public void Parse_error_names_the_expected_form() =>
        Assert.Contains("sha256:<64 lowercase hex>", Assert.Throws<FormatException>(() => Digest.Parse("nope")).Message, StringComparison.Ordinal);
}
