using System.Globalization;

namespace RegistryGuard.Probing.PullThrough;

/// <summary>
/// Remembers since when each pull-through pattern's upstream has been unreachable, across runs: one line per
/// pattern, <c>&lt;unix seconds&gt; &lt;pattern&gt;</c>. A pattern whose upstream answers again is dropped.
/// </summary>
internal static class UpstreamOutageStore
{
    private const int MaxBytes = 64 * 1024;

    public static Dictionary<string, DateTimeOffset> Load(string? path)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (path is null || !File.Exists(path))
        {
            return result;
        }

        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[MaxBytes];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            foreach (var line in new string(buffer, 0, read).Split('\n'))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && long.TryParse(line.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                    && line[(space + 1)..].TrimEnd('\r') is { Length: > 0 } pattern)
                {
                    result[pattern] = DateTimeOffset.FromUnixTimeSeconds(seconds);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            result.Clear(); // unreadable state only costs the "since": this run's time is used instead
        }

        return result;
    }

    /// <returns>An error message, or null when saved (or when there is no file to keep).</returns>
    public static string? Save(string? path, IReadOnlyDictionary<string, DateTimeOffset> outages)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllLines(temporary, outages.OrderBy(o => o.Key, StringComparer.Ordinal)
                .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Value.ToUnixTimeSeconds()} {o.Key}")));
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"could not save the upstream state to {path}: {ex.Message}";
        }
    }
}
