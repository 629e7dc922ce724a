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

    [Theory]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "sha256")]
    [InlineData("sha256:0000000000000000000000000000000000000000000000000000000000000001", "sha256")]
    [InlineData("sha512:cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e", "sha512")]
    public void Text_round_trips_through_the_compact_form(string text, string algorithm)
    {
        var digest = Digest.Parse(text);
        Assert.Equal(text, digest.ToString());
        Assert.Equal(algorithm, digest.Algorithm);
        Assert.Equal(text[(algorithm.Length + 1)..], digest.Hex);
        Assert.Equal(digest, Digest.Parse(text));
        Assert.Equal(digest.GetHashCode(), Digest.Parse(text).GetHashCode());
    }

    [Fact]
    public void Digests_that_differ_in_any_byte_or_algorithm_are_not_equal()
    {
        var first = Digest.Parse("sha256:" + new string('0', 63) + "1");
        var last = Digest.Parse("sha256:1" + new string('0', 63));
        var sha512 = Digest.Parse("sha512:" + new string('0', 127) + "1");
        Assert.NotEqual(first, last);
        Assert.NotEqual(first, sha512);
        Assert.NotEqual(default, first);
        Assert.NotEqual(default, Digest.Parse("sha256:" + new string('0', 64)));
    }

    [Fact]
    public void A_hash_and_the_digest_of_its_content_agree()
    {
        var digest = Digest.Sha256Of("abc"u8);
        Assert.Equal(digest, Digest.FromSha256Hash(System.Security.Cryptography.SHA256.HashData("abc"u8)));
        Assert.Equal("ba7816bf8f01", digest.Abbreviated);
        Assert.True(Digest.TryFromSha256Hex(digest.Hex, out var fromHex) && fromHex == digest);
    }
}
