using System.IO.Abstractions;
using System.Text;
using System.Text.Json;
using RegistryGuard.Oci;

namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// Makes changes to a registry's link files and records each one before making it. The record is flushed to
/// disk first, then the file is changed atomically (write to a temporary file, then rename), so a crash at any
/// point leaves either the old file or the new one, and a journal that <see cref="JournalUndo"/> can replay. A path
/// with a symbolic link anywhere below the root is refused: nothing outside the root is changed through one.
/// </summary>
public sealed class ChangeJournal : IDisposable
{
    /// <summary>2: journals end with an "end" record, and record mtimes and created directories.</summary>
    internal const int Version = 2;
    internal const string TemporaryPrefix = ".registryguard-";
    internal const string TemporarySuffix = ".tmp";
    private readonly FileSystemStream _stream;
    private readonly RegistryStorage _storage;
    private readonly string _v2Root;
    private long _sequence;

    private ChangeJournal(FileSystemStream stream, RegistryStorage storage, string path)
    {
        _stream = stream;
        _storage = storage;
        _v2Root = storage.V2Root;
        FilePath = path;
    }

    public string FilePath { get; }

    public long Changes => _sequence;

    /// <summary>Starts a new journal; refuses to overwrite an existing one.</summary>
    /// <param name="fileSystem">Where the journal and the storage live; the real file system by default.</param>
    public static ChangeJournal Create(string journalPath, string v2Root, string command, TimeProvider timeProvider, IFileSystem? fileSystem = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var storage = new RegistryStorage(v2Root, fileSystem);
        var fs = storage.FileSystem;
        var directory = Path.GetDirectoryName(fs.Path.GetFullPath(journalPath));
        if (directory is not null)
        {
            fs.Directory.CreateDirectory(directory);
        }

        var stream = fs.FileStream.New(journalPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var journal = new ChangeJournal(stream, storage, journalPath);
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
        var relative = JournalGuard.Relative(_storage, linkPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(linkPath))!;
        RemoveStaleTemporaries(_storage.FileSystem, directory); // left by an interrupted run; never a link, but clutter in the tree
        var before = ReadSmall(_storage.FileSystem, linkPath);
        if (before is not null && before.AsSpan().SequenceEqual(content))
        {
            return; // already as wanted: nothing to record or do
        }

        Record(relative, before, content, BeforeModified(linkPath, before), FirstMissingDirectory(directory));
        AtomicWrite(_storage.FileSystem, linkPath, content);
    }

    /// <summary>Removes a link file, then any directories it leaves empty up to (not including) <paramref name="stopAt"/>.</summary>
    public void RemoveLink(string linkPath, string stopAt)
    {
        var relative = JournalGuard.Relative(_storage, linkPath);
        var before = ReadSmall(_storage.FileSystem, linkPath);
        if (before is null)
        {
            return;
        }

        Record(relative, before, null, BeforeModified(linkPath, before), null);
        _storage.FileSystem.File.Delete(linkPath);
        RemoveEmptyParents(_storage.FileSystem, Path.GetDirectoryName(linkPath)!, Path.GetFullPath(stopAt));
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
    internal static void AtomicWrite(IFileSystem fileSystem, string path, byte[] content, DateTimeOffset? modified = null)
    {
        var directory = Path.GetDirectoryName(path)!;
        fileSystem.Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{TemporaryPrefix}{Guid.NewGuid():N}{TemporarySuffix}");
        using (var file = fileSystem.FileStream.New(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        if (modified is { } time)
        {
            fileSystem.File.SetLastWriteTimeUtc(temporary, time.UtcDateTime);
        }

        fileSystem.File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Reads a link file, refusing anything large: a link is ~71 bytes and anything bigger is not ours to touch.
    /// A 0-byte file is never opened (a FIFO reads as 0 bytes and would block).
    /// </summary>
    internal static byte[]? ReadSmall(IFileSystem fileSystem, string path)
    {
        var info = fileSystem.FileInfo.New(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return null;
        }

        if (!info.Exists || info.Length > JournalGuard.MaxLinkBytes || RegistryStorage.IsSymbolicLink(info))
        {
            throw new InvalidOperationException($"refusing to change {path}: not a small regular link file");
        }

        return info.Length == 0 ? [] : fileSystem.File.ReadAllBytes(path);
    }

    /// <summary>
    /// Deletes the temporary files <see cref="AtomicWrite"/> leaves when killed between writing and renaming.
    /// Only this tool's own names in a link's directory; the registry ignores them (it reads only <c>link</c>).
    /// </summary>
    internal static void RemoveStaleTemporaries(IFileSystem fileSystem, string directory)
    {
        if (!fileSystem.Directory.Exists(directory))
        {
            return;
        }

        foreach (var temporary in fileSystem.Directory.EnumerateFiles(directory, TemporaryPrefix + "*" + TemporarySuffix))
        {
            fileSystem.File.Delete(temporary);
        }
    }

    /// <summary>Undo puts a file back with its old modification time too: prune ranks tags by the mtime of current/link.</summary>
    private DateTimeOffset? BeforeModified(string path, byte[]? before) =>
        before is null ? null : new DateTimeOffset(_storage.FileSystem.File.GetLastWriteTimeUtc(path), TimeSpan.Zero);

    /// <summary>The highest directory a write will create (undo removes it again, if empty), or null.</summary>
    private string? FirstMissingDirectory(string directory)
    {
        string? missing = null;
        while (!_storage.FileSystem.Directory.Exists(directory) && directory.StartsWith(_v2Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            missing = directory;
            directory = Path.GetDirectoryName(directory)!;
        }

        return missing is null ? null : Path.GetRelativePath(_v2Root, missing).Replace(Path.DirectorySeparatorChar, '/');
    }

    internal static void RemoveEmptyParents(IFileSystem fileSystem, string directory, string stopAt)
    {
        while (directory.StartsWith(stopAt + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && fileSystem.Directory.Exists(directory) && !fileSystem.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            fileSystem.Directory.Delete(directory);
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
