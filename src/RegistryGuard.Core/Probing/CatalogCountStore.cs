using System.Globalization;

namespace RegistryGuard.Probing;

/// <summary>Keeps the last run's catalog size in a one-line file (the <c>--state-file</c>).</summary>
internal static class CatalogCountStore
{
    public static int? Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[32];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return int.TryParse(new string(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <returns>An error message, or null when saved.</returns>
    public static string? Save(string? path, int count)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, count.ToString(CultureInfo.InvariantCulture));
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"could not save the catalog count to {path}: {ex.Message}";
        }
    }
}
