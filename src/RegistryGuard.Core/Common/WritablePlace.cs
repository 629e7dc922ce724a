namespace RegistryGuard.Common;

/// <summary>
/// Checks, before a run starts, that a file it will write (a journal, a state file) or a directory it will fill (a
/// restore bundle) can be written: anything that changes a registry must be able to record the change before the
/// first one, and a state file that cannot be saved should stop the run before it walks for an hour. Each check
/// leaves nothing behind but the directories the run would create anyway.
/// </summary>
public static class WritablePlace
{
    private const string ProbePrefix = ".registryguard-write-check-";

    /// <summary>Why <paramref name="path"/> cannot be written as a file, or null when it can.</summary>
    /// <param name="what">What the file is, e.g. "journal" or "--state-file", for the message.</param>
    public static string? FileProblem(string path, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return $"{what} {full} is a directory; give a file path";
        }

        var directory = Path.GetDirectoryName(full);
        return directory is null ? $"{what} {full} is not a file path" : DirectoryProblem(directory, what, full);
    }

    /// <summary>Why files cannot be created in <paramref name="directory"/> (created when missing), or null when they can.</summary>
    public static string? DirectoryProblem(string directory, string what) =>
        DirectoryProblem(Path.GetFullPath(directory), what, Path.GetFullPath(directory));

    private static string? DirectoryProblem(string directory, string what, string target)
    {
        if (File.Exists(directory))
        {
            return $"cannot write the {what} {target}: {directory} is a file, not a directory";
        }

        try
        {
            Directory.CreateDirectory(directory);
            using var probe = new FileStream(Path.Combine(directory, ProbePrefix + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write,
                FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var blocked = FirstBlocked(directory);
            return File.Exists(blocked)
                ? $"cannot write the {what} {target}: {blocked} is a file, not a directory"
                : $"cannot write the {what} {target}: {blocked}: {IoErrorText.Describe(ex)}";
        }
    }

    /// <summary>Where the trouble is: the deepest part of the path that exists (a directory that refused, or a file in the way).</summary>
    private static string FirstBlocked(string directory)
    {
        var current = directory;
        while (!Directory.Exists(current) && !File.Exists(current) && Path.GetDirectoryName(current) is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
