using System.Collections.Concurrent;
using RegistryGuard.Common;
using RegistryGuard.Findings;

namespace RegistryGuard.Scanning;

/// <summary>What every part of one scan shares: the root, the options, the blob index and the sinks.</summary>
internal sealed class ScanContext
{
    private readonly ConcurrentQueue<RepairAction> _repairs = new();

    public ScanContext(string v2Root, ScanOptions options, ScanCounters counters)
    {
        Counters = counters;
        V2Root = Path.GetFullPath(v2Root).TrimEnd(Path.DirectorySeparatorChar);
        Options = options;
        Manifests = new ManifestCache(this);
    }

    /// <summary>Paths in details are bounded too: a hostile tree can nest names up to PATH_MAX.</summary>
    public const int MaxPathLength = 512;

    public string V2Root { get; }

    public ScanOptions Options { get; }

    public FindingCollector Findings { get; } = new();

    public ScanCounters Counters { get; }

    public BlobIndex Blobs { get; set; } = BlobIndex.Empty;

    public ManifestCache Manifests { get; }

    public IReadOnlyList<RepairAction> Repairs => [.. _repairs.DistinctBy(r => r.RelativePath).OrderBy(r => r.RelativePath, StringComparer.Ordinal)];

    public void Add(Finding finding) => Findings.Add(finding);

    public void Plan(RepairAction action) => _repairs.Enqueue(action);

    public bool IsPullThrough(string repository) => GlobPattern.AnyMatch(Options.PullThrough, repository);

    public string Relative(string fullPath) => Path.GetRelativePath(V2Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public void Unreadable(string repository, string fullPath, string problem) =>
        Add(new Finding(FindingKind.UnreadablePath, repository, null, null, null, $"{StorageNames.Printable(Relative(fullPath), MaxPathLength)}: {problem}"));

    /// <summary>Lists a directory without following anything; null (and a finding) when it cannot be read.</summary>
    public FileSystemInfo[]? List(string repository, string directory)
    {
        try
        {
            return Readable(repository, new DirectoryInfo(directory).GetFileSystemInfos());
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Unreadable(repository, directory, "directory cannot be read: " + Reason(ex));
            return null;
        }
    }

    /// <summary>Drops (and reports) the entries whose names did not decode: their paths would not reopen.</summary>
    public FileSystemInfo[] Readable(string repository, FileSystemInfo[] entries)
    {
        if (!entries.Any(e => StorageNames.IsLossy(e.Name)))
        {
            return entries;
        }

        foreach (var entry in entries.Where(e => StorageNames.IsLossy(e.Name)))
        {
            Add(new Finding(FindingKind.InvalidName, repository, null, null, null,
                $"{StorageNames.Printable(Relative(entry.FullName), MaxPathLength)}: {StorageNames.LossyProblem}"));
        }

        return [.. entries.Where(e => !StorageNames.IsLossy(e.Name))];
    }

    /// <summary>The exception's message repeats the absolute path; the finding already names the path.</summary>
    public static string Reason(Exception exception) => exception is UnauthorizedAccessException ? "permission denied" : exception.Message;

    /// <summary>Symbolic links are never followed; the detail says whether this one leads out of the storage root.</summary>
    public string SymlinkProblem(FileSystemInfo link)
    {
        var target = link.LinkTarget ?? "";
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(link.FullName) ?? V2Root, target));
        var inside = resolved.StartsWith(V2Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside
            ? "symbolic link (inside the storage root); not followed"
            : $"symbolic link pointing outside the storage root (to {StorageNames.Printable(target)}); not followed";
    }
}
