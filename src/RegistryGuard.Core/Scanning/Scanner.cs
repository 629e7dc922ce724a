using RegistryGuard.Findings;

namespace RegistryGuard.Scanning;

/// <summary>
/// Scans distribution's filesystem storage directly (never over HTTP): builds the blob index, optionally rehashes
/// every blob, then checks every repository in parallel. <see cref="Fix"/> applies what the scan planned.
/// </summary>
public sealed class Scanner(ScanOptions options)
{
    public ScanCounters Counters { get; } = new();

    /// <summary>Why <c>--fix</c> must not run against <paramref name="root"/>, or null when it looks like registry storage.</summary>
    public static string? RefuseFix(string root)
    {
        var v2 = StorageRoot.FindV2(root);
        return v2 is not null && StorageRoot.LooksLikeRegistryStorage(v2)
            ? null
            : $"refusing --fix: '{root}' does not look like registry storage (expected docker/registry/v2 with repositories/ and blobs/ directories)";
    }

    public ScanReport Scan(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = options.TimeProvider;
        var started = time.GetUtcNow();
        var startedTimestamp = time.GetTimestamp();
        if (!Directory.Exists(options.Root))
        {
            return Fatal(options.Root, started, $"'{options.Root}' does not exist or is not a directory");
        }

        var v2 = StorageRoot.FindV2(options.Root);
        if (v2 is null)
        {
            return Fatal(options.Root, started, $"no docker/registry/v2 under '{options.Root}': not registry storage, or nothing was ever pushed");
        }

        var context = new ScanContext(v2, options, Counters);
        var repositoriesDirectory = Path.Combine(context.V2Root, "repositories");
        IReadOnlyList<FileSystemInfo> topLevel;
        try
        {
            topLevel = Directory.Exists(repositoriesDirectory) ? context.Readable("", new DirectoryInfo(repositoriesDirectory).GetFileSystemInfos()) : [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fatal(v2, started, $"'{repositoriesDirectory}' cannot be read: {ex.Message}");
        }

        context.Blobs = BlobIndex.Build(context);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Deep)
        {
            context.Blobs.HashAll(context, cancellationToken);
        }

        var repositories = RepositoryDiscovery.Find(context, topLevel);
        Parallel.ForEach(repositories, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            repository => RepositoryScanner.Scan(context, repository));
        if (options.Deep)
        {
            context.Blobs.ReportUnlinkedCorrupt(context);
        }

        var (findings, repairs) = FindingConfirmation.Confirm(context, repositories, cancellationToken);
        return new ScanReport(Summarize(context.V2Root, started, time.GetElapsedTime(startedTimestamp), findings) with { RepairsPlanned = repairs.Count }, findings, repairs, []);
    }

    /// <summary>Applies the repairs <paramref name="report"/> planned, journaled to <paramref name="journalPath"/>.</summary>
    public ScanReport Fix(ScanReport report, string journalPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FatalError is not null || report.Repairs.Count == 0)
        {
            return report with { Summary = report.Summary with { Fix = true } };
        }

        if (RefuseFix(report.Summary.Root) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var (repairs, errors) = RepairExecutor.Apply(report.Summary.Root, report.Repairs, journalPath, options.TimeProvider);

        // The exit code must describe the storage as it is now: removing a dangling layer link from a repository
        // that is not a cache, for one, leaves an image that still cannot be pulled. Hashing is not repeated: no
        // repair changes blob data, so corruption found by the first pass still stands.
        var rescan = new Scanner(options with { Root = report.Summary.Root, Deep = false }).Scan(cancellationToken);
        var remaining = rescan.Findings.Concat(report.Findings.Where(f => f.Kind == FindingKind.CorruptBlob)).Distinct().ToList();
        return report with
        {
            Remaining = remaining,
            Repairs = repairs,
            RepairErrors = errors,
            Summary = report.Summary with { Fix = true, RepairsMade = repairs.Count(r => r.Applied), JournalPath = Path.GetFullPath(journalPath) },
        };
    }

    private ScanSummary Summarize(string root, DateTimeOffset started, TimeSpan duration, IReadOnlyList<Finding> findings) => new()
    {
        Root = root,
        StartedAt = started,
        Duration = duration,
        Repositories = Counters.Repositories,
        EmptyRepositories = Counters.EmptyRepositories,
        Tags = Counters.Tags,
        Revisions = Counters.Revisions,
        LayerLinks = Counters.LayerLinks,
        Blobs = Counters.Blobs,
        BlobsHashed = Counters.BlobsHashed,
        BytesHashed = Counters.BytesHashed,
        Uploads = Counters.Uploads,
        FindingsByKind = findings.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
        FailuresByKind = findings.Where(f => f.Severity == Severity.Failure).GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()),
    };

    private ScanReport Fatal(string root, DateTimeOffset started, string error) =>
        new(Summarize(root, started, TimeSpan.Zero, []), [], [], [], error);
}
