using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace RegistryGuard.Oci;

/// <summary>A content digest such as <c>sha256:…</c>. Only sha256 is produced; sha512 is accepted when read.</summary>
/// <remarks>
/// A sha256 digest is held as its 32 bytes in four words and formatted only when its text is asked for: the probe
/// keeps one per object and per reference it has seen, and a 64-character string each was most of its graph.
/// </remarks>
public readonly record struct Digest
{
    private const string Sha256 = "sha256";
    private const string Sha512 = "sha512";
    private const int Sha256HexLength = 64;
    private const int Sha512HexLength = 128;

    private readonly ulong _word0;
    private readonly ulong _word1;
    private readonly ulong _word2;
    private readonly ulong _word3;

    // The algorithm constant for sha256 (the words hold the hash); the 128 hex characters for sha512; null for default.
    private readonly string? _form;

    private Digest(ReadOnlySpan<byte> sha256)
    {
        _word0 = BinaryPrimitives.ReadUInt64BigEndian(sha256);
        _word1 = BinaryPrimitives.ReadUInt64BigEndian(sha256[8..]);
        _word2 = BinaryPrimitives.ReadUInt64BigEndian(sha256[16..]);
        _word3 = BinaryPrimitives.ReadUInt64BigEndian(sha256[24..]);
        _form = Sha256;
    }

    private Digest(string sha512Hex) => _form = sha512Hex;

    public string Algorithm => _form switch
    {
        null => null!,
        Sha256 => Sha256,
        _ => Sha512,
    };

    public string Hex => _form switch
    {
        null => null!,
        Sha256 => string.Create(Sha256HexLength, this, static (chars, digest) => digest.WriteSha256Hex(chars)),
        _ => _form,
    };

    public override string ToString() => _form switch
    {
        Sha256 => string.Create(Sha256.Length + 1 + Sha256HexLength, this, static (chars, digest) =>
        {
            Sha256.CopyTo(chars);
            chars[Sha256.Length] = ':';
            digest.WriteSha256Hex(chars[(Sha256.Length + 1)..]);
        }),
        _ => $"{Algorithm}:{Hex}",
    };

    /// <summary>The first 12 hex characters, as operators read digests in tables.</summary>
    public string Abbreviated => Hex.Length > 12 ? Hex[..12] : Hex;

    public bool Equals(Digest other) =>
        _word0 == other._word0 && _word1 == other._word1 && _word2 == other._word2 && _word3 == other._word3
        && string.Equals(_form, other._form, StringComparison.Ordinal);

    // The words of a sha256 are uniformly distributed already; sha512 and default leave them zero.
    public override int GetHashCode() => _form is null or Sha256
        ? (int)_word0 ^ (int)(_word0 >> 32)
        : StringComparer.Ordinal.GetHashCode(_form);

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

        var algorithm = text.AsSpan(0, colon);
        var hex = text.AsSpan(colon + 1);
        if (!IsLowerHex(hex))
        {
            return false;
        }

        if (algorithm is Sha256 && hex.Length == Sha256HexLength)
        {
            Span<byte> bytes = stackalloc byte[Sha256HexLength / 2];
            Convert.FromHexString(hex, bytes, out _, out _);
            digest = new Digest(bytes);
            return true;
        }

        if (algorithm is Sha512 && hex.Length == Sha512HexLength)
        {
            digest = new Digest(text[(colon + 1)..]);
            return true;
        }

        return false;
    }

    /// <summary>Exactly 64 lowercase hex characters: the hex of a sha256 digest as distribution writes it.</summary>
    public static bool IsSha256Hex(ReadOnlySpan<char> hex) => hex.Length == Sha256HexLength && IsLowerHex(hex);

    /// <summary>Builds a sha256 digest from a hex string already known to be one (a storage path segment).</summary>
    public static bool TryFromSha256Hex(string hex, out Digest digest) => TryParse("sha256:" + hex, out digest);

    public static Digest Sha256Of(ReadOnlySpan<byte> content)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(content, hash);
        return new Digest(hash);
    }

    public static Digest FromSha256Hash(ReadOnlySpan<byte> hash) =>
        hash.Length == SHA256.HashSizeInBytes ? new Digest(hash) : throw new ArgumentException("a sha256 hash is 32 bytes", nameof(hash));

    private void WriteSha256Hex(Span<char> chars)
    {
        Span<byte> bytes = stackalloc byte[Sha256HexLength / 2];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, _word0);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], _word1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], _word2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], _word3);
        Convert.TryToHexStringLower(bytes, chars, out _);
    }

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
