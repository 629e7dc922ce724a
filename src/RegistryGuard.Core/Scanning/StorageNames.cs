using System.Text;

namespace RegistryGuard.Scanning;

/// <summary>Checks for path segments read from disk, and a safe way to print whatever was found instead.</summary>
internal static class StorageNames
{
    public static bool IsSha256Hex(ReadOnlySpan<char> value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// From the attributes the stat (or the directory enumeration) already fetched; only entries that do not
    /// resolve (broken links) cost a readlink.
    /// </summary>
    public static bool IsSymbolicLink(FileSystemInfo info) =>
        info.Exists ? (info.Attributes & FileAttributes.ReparsePoint) != 0 : info.LinkTarget is not null;

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
