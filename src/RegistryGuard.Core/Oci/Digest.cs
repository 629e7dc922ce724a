using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace RegistryGuard.Oci;

/// <summary>A content digest such as <c>sha256:…</c>. Only sha256 is produced; sha512 is accepted when read.</summary>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    public string Algorithm { get; }

    public string Hex { get; }

    public override string ToString() => $"{Algorithm}:{Hex}";

    /// <summary>The first 12 hex characters, as operators read digests in tables.</summary>
    public string Abbreviated => Hex.Length > 12 ? Hex[..12] : Hex;

    public static Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"'{Truncate(text)}' is not a digest of the form sha256:<64 lowercase hex>.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Digest digest)
    {
        digest = default;
        if (text is null)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        // The algorithm is one of two constants: share them instead of a substring per digest (the probe holds
        // one Digest per object it has seen).
        var (algorithm, expectedLength) = text.AsSpan(0, colon) switch
        {
            "sha256" => ("sha256", 64),
            "sha512" => ("sha512", 128),
            _ => (null, -1),
        };
        if (algorithm is null || text.Length - colon - 1 != expectedLength || !IsLowerHex(text.AsSpan(colon + 1)))
        {
            return false;
        }

        digest = new Digest(algorithm, text[(colon + 1)..]);
        return true;
    }

    /// <summary>Builds a sha256 digest from a hex string already known to be one (a storage path segment).</summary>
    public static bool TryFromSha256Hex(string hex, out Digest digest) => TryParse("sha256:" + hex, out digest);

    public static Digest Sha256Of(ReadOnlySpan<byte> content) => new("sha256", Convert.ToHexStringLower(SHA256.HashData(content)));

    public static Digest FromSha256Hash(ReadOnlySpan<byte> hash) => new("sha256", Convert.ToHexStringLower(hash));

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "…" : text;
}
