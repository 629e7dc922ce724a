using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>Keeps the deep probe's cursor between runs in a one-line file.</summary>
internal static class DeepCursorStore
{
    public static Digest? Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[200];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return Digest.TryParse(new string(buffer, 0, read).Trim(), out var digest) ? digest : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <returns>An error message, or null when saved.</returns>
    public static string? Save(string? path, Digest? cursor)
    {
        if (path is null || cursor is null)
        {
            return null;
        }

        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(directory);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, cursor.ToString());
            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"could not save the deep cursor to {path}: {ex.Message}";
        }
    }
}
