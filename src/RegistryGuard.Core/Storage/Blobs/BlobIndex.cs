using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Abstractions;
using System.Security.Cryptography;

namespace RegistryGuard.Storage.Blobs;

/// <summary>
/// Every <c>blobs/sha256/&lt;xx&gt;/&lt;hex&gt;/data</c> on disk, found by a parallel walk over the 256 prefix
/// directories. Existence checks are lookups here instead of one stat per reference, and each hex string is kept
/// once, shared by every link that names it: memory grows with the number of digests, not of links.
/// </summary>
internal sealed class BlobIndex
{
    private readonly Dictionary<string, BlobEntry> _entries;
    private readonly HashSet<string> _unreadablePrefixes;
    private readonly RegistryStorage? _recheck;
    private readonly ConcurrentDictionary<string, BlobEntry> _arrivedSince = new(StringComparer.Ordinal);

    private BlobIndex(Dictionary<string, BlobEntry> entries, HashSet<string> unreadablePrefixes, RegistryStorage? recheck = null)
    {
        _entries = entries;
        _unreadablePrefixes = unreadablePrefixes;
        _recheck = recheck;
    }

    public static BlobIndex Empty { get; } = new([], []);

    public int Count => _entries.Count;

    public IEnumerable<BlobEntry> Entries => _entries.Values;

    /// <summary>An index of the given entries: for deriving findings from plain data.</summary>
    public static BlobIndex Of(IEnumerable<BlobEntry> entries, IEnumerable<string>? unreadablePrefixes = null) =>
        new(entries.ToDictionary(e => e.Hex, StringComparer.Ordinal), [.. unreadablePrefixes ?? []]);

    public BlobEntry? Find(string hex) => _entries.GetValueOrDefault(hex) ?? ArrivedSince(hex);

    public BlobPresence Presence(string hex) =>
        Find(hex) is { } entry ? entry.Presence
        : _unreadablePrefixes.Contains(hex[..2]) ? BlobPresence.Unverifiable
        : BlobPresence.Absent;

    /// <summary>The shared instance for <paramref name="hex"/> when the blob exists, so references do not copy it.</summary>
    public string Intern(string hex) => _entries.TryGetValue(hex, out var entry) ? entry.Hex : hex;

    /// <summary>
    /// The same index, but a digest it lacks is looked up on disk again: blob data pushed after the index was built
    /// must not make the confirming pass see a link "without data".
    /// </summary>
    public BlobIndex Rechecking(RegistryStorage storage) => new(_entries, _unreadablePrefixes, storage);

    private BlobEntry? ArrivedSince(string hex)
    {
        if (_recheck is null)
        {
            return null;
        }

        if (_arrivedSince.TryGetValue(hex, out var arrived))
        {
            return arrived;
        }

        return _recheck.BlobData(hex) is { } data ? _arrivedSince.GetOrAdd(hex, new BlobEntry(hex, data.Length, BlobPresence.Present)) : null;
    }

    public static BlobIndex Build(RegistryStorage storage, int concurrency, StorageProblems problems, IStorageProgress progress)
    {
        var prefixes = storage.ListChild(storage.V2Root, "blobs/sha256", "", problems);
        if (prefixes is null)
        {
            return new BlobIndex([], [.. Enumerable.Range(0, 256).Select(i => i.ToString("x2", CultureInfo.InvariantCulture))]);
        }

        var entries = new Dictionary<string, BlobEntry>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        Parallel.ForEach(prefixes, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, prefix =>
        {
            if (RegistryStorage.IsSymbolicLink(prefix))
            {
                problems.Add(storage.Unreadable("", prefix.FullName, storage.SymlinkProblem(prefix)));
                lock (gate)
                {
                    unreadable.Add(prefix.Name);
                }

                return;
            }

            if (prefix is not IDirectoryInfo)
            {
                return;
            }

            var found = ReadPrefix(storage, prefix, problems, out var readable);
            lock (gate)
            {
                if (!readable)
                {
                    unreadable.Add(prefix.Name);
                }

                foreach (var entry in found)
                {
                    entries[entry.Hex] = entry;
                }
            }

            progress.Blob(found.Count);
        });
        return new BlobIndex(entries, unreadable);
    }

    /// <summary>
    /// Whether the data of <paramref name="hex"/>, read again now, hashes to its digest. distribution writes a pushed
    /// manifest's blob in place (truncate, then write), so a scan can meet it empty or half-written: corruption is
    /// confirmed by a second read before it is reported.
    /// </summary>
    public static bool HashesNow(RegistryStorage storage, string hex)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.BlobData(hex) is not { } data)
        {
            return false;
        }

        try
        {
            return string.Equals(Sha256Hex(storage, data.FullName, data.Length), hex, StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Hashes every present blob once, however many repositories link it. 0-byte files are never opened.</summary>
    public void HashAll(RegistryStorage storage, int concurrency, StorageProblems problems, IStorageProgress progress, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        Parallel.ForEach(_entries.Values.Where(e => e.Presence == BlobPresence.Present), options, entry =>
        {
            var path = StoragePaths.BlobData(storage.V2Root, entry.Hex);
            try
            {
                var actual = Sha256Hex(storage, path, entry.Length);
                progress.Hashed(entry.Length);
                if (!string.Equals(actual, entry.Hex, StringComparison.Ordinal))
                {
                    entry.MarkCorrupt();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(storage.Unreadable("", path, "blob data cannot be read: " + RegistryStorage.Reason(ex)));
            }
        });
    }

    /// <summary>The SHA-256 of a blob's data. 0-byte data is never opened: a FIFO (or a device) reports 0 bytes too,
    /// and opening one would block the scan.</summary>
    private static string Sha256Hex(RegistryStorage storage, string path, long length)
    {
        if (length == 0)
        {
            return Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));
        }

        using var stream = storage.FileSystem.FileStream.New(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static List<BlobEntry> ReadPrefix(RegistryStorage storage, IFileSystemInfo prefix, StorageProblems problems, out bool readable)
    {
        var result = new List<BlobEntry>();
        var digests = storage.List(prefix.FullName, "", problems);
        readable = digests is not null;
        foreach (var directory in digests ?? [])
        {
            if (!StorageNames.IsSha256Hex(directory.Name) || !directory.Name.StartsWith(prefix.Name, StringComparison.Ordinal))
            {
                continue; // not a blob directory distribution would ever look at
            }

            if (RegistryStorage.IsSymbolicLink(directory))
            {
                problems.Add(storage.Unreadable("", directory.FullName, storage.SymlinkProblem(directory)));
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
                continue;
            }

            var contents = storage.List(directory.FullName, "", problems);
            if (contents is null)
            {
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
                continue;
            }

            var data = contents.FirstOrDefault(f => f.Name == "data");
            if (data is null)
            {
                continue;
            }

            if (RegistryStorage.IsSymbolicLink(data))
            {
                problems.Add(storage.Unreadable("", data.FullName, storage.SymlinkProblem(data)));
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
            }
            else if (data is IFileInfo file)
            {
                if (RegistryStorage.LengthIfPresent(file) is { } length)
                {
                    result.Add(new BlobEntry(directory.Name, length, BlobPresence.Present));
                }
            }
            else
            {
                problems.Add(storage.Unreadable("", data.FullName, "blob data is a directory"));
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
            }
        }

        return result;
    }
}
