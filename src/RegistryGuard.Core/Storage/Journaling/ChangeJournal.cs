using System.Text;
using System.Text.Json;
using RegistryGuard.Oci;

namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// Makes changes to a registry's link files and records each one before making it. The record is flushed to
/// disk first, then the file is changed atomically (write to a temporary file, then rename), so a crash at any
/// point leaves either the old file or the new one, and a journal that <see cref="JournalUndo"/> can replay.
/// </summary>
public sealed class ChangeJournal : IDisposable
{
    /// <summary>2: journals end with an "end" record, and record mtimes and created directories.</summary>
    internal const int Version = 2;
    internal const string TemporaryPrefix = ".registryguard-";
    internal const string TemporarySuffix = ".tmp";
    private readonly FileStream _stream;
    private readonly string _v2Root;
    private long _sequence;

    private ChangeJournal(FileStream stream, string v2Root, string path)
    {
        _stream = stream;
        _v2Root = Path.GetFullPath(v2Root);
        FilePath = path;
    }

    public string FilePath { get; }

    public long Changes => _sequence;

    /// <summary>Starts a new journal; refuses to overwrite an existing one.</summary>
    public static ChangeJournal Create(string journalPath, string v2Root, string command, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var directory = Path.GetDirectoryName(Path.GetFullPath(journalPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var stream = new FileStream(journalPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var journal = new ChangeJournal(stream, v2Root, journalPath);
        journal.Append(writer =>
        {
            writer.WriteString("type", "header");
            writer.WriteNumber("version", Version);
            writer.WriteString("root", journal._v2Root);
            writer.WriteString("command", command);
            writer.WriteString("created", timeProvider.GetUtcNow());
        });
        return journal;
    }

    /// <summary>Writes <c>sha256:&lt;hex&gt;</c> (no newline, as distribution does) into a link file, creating directories.</summary>
    public void WriteLink(string linkPath, Digest digest) => WriteLink(linkPath, Encoding.ASCII.GetBytes(StoragePaths.LinkContent(digest)));

    public void WriteLink(string linkPath, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var relative = JournalGuard.Relative(_v2Root, linkPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(linkPath))!;
        RemoveStaleTemporaries(directory); // left by an interrupted run; never a link, but clutter in the tree
        var before = ReadSmall(linkPath);
        if (before is not null && before.AsSpan().SequenceEqual(content))
        {
            return; // already as wanted: nothing to record or do
        }

        Record(relative, before, content, BeforeModified(linkPath, before), FirstMissingDirectory(directory));
        AtomicWrite(linkPath, content);
    }

    /// <summary>Removes a link file, then any directories it leaves empty up to (not including) <paramref name="stopAt"/>.</summary>
    public void RemoveLink(string linkPath, string stopAt)
    {
        var relative = JournalGuard.Relative(_v2Root, linkPath);
        var before = ReadSmall(linkPath);
        if (before is null)
        {
            return;
        }

        Record(relative, before, null, BeforeModified(linkPath, before), null);
        File.Delete(linkPath);
        RemoveEmptyParents(Path.GetDirectoryName(linkPath)!, Path.GetFullPath(stopAt));
    }

    /// <summary>
    /// Marks the run as finished. A journal without this record was left by a run that was killed or crashed;
    /// it is still exact for every change it lists, and <see cref="JournalUndo"/> says so.
    /// </summary>
    public void Complete()
    {
        var changes = _sequence;
        Append(writer =>
        {
            writer.WriteString("type", "end");
            writer.WriteNumber("changes", changes);
        });
    }

    public void Dispose() => _stream.Dispose();

    /// <param name="modified">The modification time to give the file; set before the rename, so it lands atomically with the bytes.</param>
    internal static void AtomicWrite(string path, byte[] content, DateTimeOffset? modified = null)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{TemporaryPrefix}{Guid.NewGuid():N}{TemporarySuffix}");
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        if (modified is { } time)
        {
            File.SetLastWriteTimeUtc(temporary, time.UtcDateTime);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a link file, refusing anything large: a link is ~71 bytes and anything bigger is not ours to touch.</summary>
    internal static byte[]? ReadSmall(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }

        if (info.Length > JournalGuard.MaxLinkBytes || info.LinkTarget is not null)
        {
            throw new InvalidOperationException($"refusing to change {path}: not a small regular link file");
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>
    /// Deletes the temporary files <see cref="AtomicWrite"/> leaves when killed between writing and renaming.
    /// Only this tool's own names in a link's directory; the registry ignores them (it reads only <c>link</c>).
    /// </summary>
    internal static void RemoveStaleTemporaries(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var temporary in Directory.EnumerateFiles(directory, TemporaryPrefix + "*" + TemporarySuffix))
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Undo puts a file back with its old modification time too: prune ranks tags by the mtime of current/link.</summary>
    private static DateTimeOffset? BeforeModified(string path, byte[]? before) =>
        before is null ? null : new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);

    /// <summary>The highest directory a write will create (undo removes it again, if empty), or null.</summary>
    private string? FirstMissingDirectory(string directory)
    {
        string? missing = null;
        while (!Directory.Exists(directory) && directory.StartsWith(_v2Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            missing = directory;
            directory = Path.GetDirectoryName(directory)!;
        }

        return missing is null ? null : Path.GetRelativePath(_v2Root, missing).Replace(Path.DirectorySeparatorChar, '/');
    }

    internal static void RemoveEmptyParents(string directory, string stopAt)
    {
        while (directory.StartsWith(stopAt + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private void Record(string relative, byte[]? before, byte[]? after, DateTimeOffset? beforeModified, string? createdDirectory)
    {
        var sequence = ++_sequence;
        Append(writer =>
        {
            writer.WriteString("type", "change");
            writer.WriteNumber("seq", sequence);
            writer.WriteString("path", relative);
            writer.WriteString("before", before is null ? null : Convert.ToBase64String(before));
            writer.WriteString("after", after is null ? null : Convert.ToBase64String(after));
            if (beforeModified is { } modified)
            {
                writer.WriteString("before_modified", modified);
            }

            if (createdDirectory is not null)
            {
                writer.WriteString("created_directory", createdDirectory);
            }
        });
    }

    private void Append(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        _stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        _stream.Flush(flushToDisk: true); // the record is durable before the change it describes
    }
}
