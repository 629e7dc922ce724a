using System.Text;
using RegistryGuard.Oci;

namespace RegistryGuard.Storage;

/// <summary>Checks for path segments read from disk, and a safe way to print whatever was found instead.</summary>
internal static class StorageNames
{
    public static bool IsSha256Hex(ReadOnlySpan<char> value) => Digest.IsSha256Hex(value);

    /// <summary>The same check on the bytes of a link file, before any string is made of them.</summary>
    public static bool IsSha256Hex(ReadOnlySpan<byte> value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b is not ((>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// .NET decodes a name that is not valid UTF-8 with U+FFFD in place of the bad bytes, so the path it hands back
    /// names another file or none: such an entry can be reported, never opened, written or deleted by that path.
    /// </summary>
    public static bool IsLossy(ReadOnlySpan<char> name) => name.Contains('\uFFFD');

    public const string LossyProblem = "name is not valid UTF-8 (bad bytes shown as '?'); it cannot be reopened by name, so it is not read";

    /// <summary>Names on disk may hold control characters or escape sequences: print only visible ASCII, bounded.</summary>
    public static string Printable(string value, int maxLength = 80)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var c in value)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }
}
