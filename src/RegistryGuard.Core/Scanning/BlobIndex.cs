using System.Collections.Concurrent;
using System.Security.Cryptography;
using RegistryGuard.Findings;

namespace RegistryGuard.Scanning;

/// <summary>
/// Every <c>blobs/sha256/&lt;xx&gt;/&lt;hex&gt;/data</c> on disk, found by a parallel walk over the 256 prefix
/// directories. Existence checks are lookups here instead of one stat per reference, and each hex string is kept
/// once, shared by every link that names it: memory grows with the number of digests, not of links.
/// </summary>
internal sealed class BlobIndex
{
    private readonly Dictionary<string, BlobEntry> _entries;
    private readonly HashSet<string> _unreadablePrefixes;
    private readonly string? _recheckRoot;
    private readonly ConcurrentDictionary<string, BlobEntry> _arrivedSince = new(StringComparer.Ordinal);

    private BlobIndex(Dictionary<string, BlobEntry> entries, HashSet<string> unreadablePrefixes, string? recheckRoot = null)
    {
        _entries = entries;
        _unreadablePrefixes = unreadablePrefixes;
        _recheckRoot = recheckRoot;
    }

    public static BlobIndex Empty { get; } = new([], []);

    public int Count => _entries.Count;

    public IEnumerable<BlobEntry> Entries => _entries.Values;

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
    public BlobIndex Rechecking(string v2Root) => new(_entries, _unreadablePrefixes, v2Root);

    private BlobEntry? ArrivedSince(string hex)
    {
        if (_recheckRoot is null)
        {
            return null;
        }

        if (_arrivedSince.TryGetValue(hex, out var arrived))
        {
            return arrived;
        }

        var data = new FileInfo(Path.Combine(_recheckRoot, "blobs", "sha256", hex[..2], hex, "data"));
        return data is { Exists: true, LinkTarget: null }
            ? _arrivedSince.GetOrAdd(hex, new BlobEntry(hex, data.Length, BlobPresence.Present))
            : null;
    }

    public static BlobIndex Build(ScanContext context)
    {
        var sha256 = Path.Combine(context.V2Root, "blobs", "sha256");
        var prefixes = context.List("", sha256);
        if (prefixes is null)
        {
            return new BlobIndex([], [.. Enumerable.Range(0, 256).Select(i => i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))]);
        }

        var entries = new Dictionary<string, BlobEntry>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        Parallel.ForEach(prefixes, new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency }, prefix =>
        {
            if (StorageNames.IsSymbolicLink(prefix))
            {
                context.Unreadable("", prefix.FullName, context.SymlinkProblem(prefix));
                lock (gate)
                {
                    unreadable.Add(prefix.Name);
                }

                return;
            }

            if (prefix is not DirectoryInfo)
            {
                return;
            }

            var found = ReadPrefix(context, prefix, out var readable);
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

            context.Counters.Blob(found.Count);
        });
        return new BlobIndex(entries, unreadable);
    }

    /// <summary>Hashes every present blob once, however many repositories link it. 0-byte files are never opened.</summary>
    public void HashAll(ScanContext context, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = context.Options.Concurrency, CancellationToken = cancellationToken };
        Parallel.ForEach(_entries.Values.Where(e => e.Presence == BlobPresence.Present), options, entry =>
        {
            var path = Path.Combine(context.V2Root, "blobs", "sha256", entry.Hex[..2], entry.Hex, "data");
            try
            {
                string actual;
                if (entry.Length == 0)
                {
                    actual = Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));
                }
                else
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
                    actual = Convert.ToHexStringLower(SHA256.HashData(stream));
                }

                context.Counters.Hashed(entry.Length);
                if (!string.Equals(actual, entry.Hex, StringComparison.Ordinal))
                {
                    entry.MarkCorrupt();
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                context.Unreadable("", path, "blob data cannot be read: " + ScanContext.Reason(ex));
            }
        });
    }

    /// <summary>Corrupt blobs no repository links: reported once, under no repository.</summary>
    public void ReportUnlinkedCorrupt(ScanContext context)
    {
        foreach (var entry in _entries.Values.Where(e => e.Corrupt && !e.Linked))
        {
            context.Add(new Finding(FindingKind.CorruptBlob, "", null, null, "sha256:" + entry.Hex, Corruption(entry) + "; not linked by any repository"));
        }
    }

    public static string Corruption(BlobEntry entry) =>
        entry.Length == 0 ? "blob data is 0 bytes; its bytes do not hash to its digest" : $"blob data ({entry.Length} bytes) does not hash to its digest";

    private static List<BlobEntry> ReadPrefix(ScanContext context, FileSystemInfo prefix, out bool readable)
    {
        var result = new List<BlobEntry>();
        var digests = context.List("", prefix.FullName);
        readable = digests is not null;
        foreach (var directory in digests ?? [])
        {
            if (!StorageNames.IsSha256Hex(directory.Name) || !directory.Name.StartsWith(prefix.Name, StringComparison.Ordinal))
            {
                continue; // not a blob directory distribution would ever look at
            }

            if (StorageNames.IsSymbolicLink(directory))
            {
                context.Unreadable("", directory.FullName, context.SymlinkProblem(directory));
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
                continue;
            }

            var contents = context.List("", directory.FullName);
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

            if (StorageNames.IsSymbolicLink(data))
            {
                context.Unreadable("", data.FullName, context.SymlinkProblem(data));
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
            }
            else if (data is FileInfo file)
            {
                result.Add(new BlobEntry(directory.Name, file.Length, BlobPresence.Present));
            }
            else
            {
                context.Unreadable("", data.FullName, "blob data is a directory");
                result.Add(new BlobEntry(directory.Name, 0, BlobPresence.Unverifiable));
            }
        }

        return result;
    }
}
