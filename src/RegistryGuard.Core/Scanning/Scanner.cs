using System.IO.Abstractions;
using RegistryGuard.Findings;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// Scans distribution's filesystem storage directly (never over HTTP), through the storage layer: finds the
/// repositories, builds the blob index, optionally rehashes every blob, then reads each repository's facts and
/// derives its findings, in parallel. <see cref="Fix"/> applies what the scan planned.
/// </summary>
/// <param name="fileSystem">Where the storage lives; the real file system by default.</param>
public sealed class Scanner(ScanOptions options, IFileSystem? fileSystem = null)
{
    private readonly IFileSystem _fileSystem = fileSystem ?? RegistryStorage.RealFileSystem;

    public ScanCounters Counters { get; } = new();

    /// <summary>Why <c>--fix</c> must not run against <paramref name="root"/>, or null when it looks like registry storage.</summary>
    public static string? RefuseFix(string root, IFileSystem? fileSystem = null)
    {
        if (StorageRoot.ReadProblem(root, fileSystem) is not null)
        {
            return null; // unreadable is not "not storage": the scan reports it (exit 3) and fixes nothing
        }

        var v2 = StorageRoot.FindV2(root, fileSystem);
        return v2 is not null && StorageRoot.LooksLikeRegistryStorage(v2, fileSystem)
            ? null
            : $"refusing --fix: '{root}' does not look like registry storage (expected docker/registry/v2 with repositories/ and blobs/ directories)";
    }

    public ScanReport Scan(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = options.TimeProvider;
        var started = time.GetUtcNow();
        var startedTimestamp = time.GetTimestamp();
        if (StorageRoot.ReadProblem(options.Root, _fileSystem) is { } cannotRead)
        {
            return Fatal(options.Root, started, cannotRead);
        }

        var v2 = StorageRoot.FindV2(options.Root, _fileSystem);
        if (v2 is null)
        {
            return Fatal(options.Root, started, $"no docker/registry/v2 under '{options.Root}': not registry storage, or nothing was ever pushed");
        }

        var storage = new RegistryStorage(v2, _fileSystem);
        var problems = new StorageProblems();
        var discovered = RepositoryDiscovery.Find(storage, options.Concurrency, problems);
        if (discovered.Unreadable is { } unreadable)
        {
            return Fatal(storage.V2Root, started, unreadable);
        }

        Counters.Found(discovered.Repositories.Count);
        var blobs = BlobIndex.Build(storage, options.Concurrency, problems, Counters);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Deep)
        {
            blobs.HashAll(storage, options.Concurrency, problems, Counters, cancellationToken);
        }

        var rules = ScanRules.From(options, time.GetUtcNow());
        var first = new ScanPass(storage, blobs, rules, options.Concurrency, Counters).Run(discovered.Repositories, cancellationToken);
        bool HashesNow(string hex) => BlobIndex.HashesNow(storage, hex);
        var verdict = FindingConfirmation.Confirm(first, discovered.Repositories,
            () => new ScanPass(storage, blobs.Rechecking(storage), rules, options.Concurrency, new ScanCounters()), options.ConfirmationDelay,
            HashesNow, cancellationToken);
        var unlinkedCorrupt = options.Deep ? StorageFindings.UnlinkedCorrupt(blobs).Where(FindingConfirmation.StillCorrupt(HashesNow)) : [];

        // What the walk met outside any repository's facts is not race-prone: it needs no second read.
        var collector = new FindingCollector();
        foreach (var finding in verdict.Findings.Concat(problems.All.Select(StorageFindings.Of)).Concat(unlinkedCorrupt))
        {
            collector.Add(finding);
        }

        var findings = collector.ToSortedList();
        return new ScanReport(Summarize(storage.V2Root, started, time.GetElapsedTime(startedTimestamp), findings) with { RepairsPlanned = verdict.Repairs.Count },
            findings, verdict.Repairs, []);
    }

    /// <summary>Applies the repairs <paramref name="report"/> planned, journaled to <paramref name="journalPath"/>.</summary>
    public ScanReport Fix(ScanReport report, string journalPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.FatalError is not null || report.Repairs.Count == 0)
        {
            return report with { Summary = report.Summary with { Fix = true } };
        }

        if (RefuseFix(report.Summary.Root, _fileSystem) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        var (repairs, errors, interrupted) = RepairExecutor.Apply(report.Summary.Root, report.Repairs, journalPath, options.TimeProvider, _fileSystem, cancellationToken);
        var summary = report.Summary with { Fix = true, RepairsMade = repairs.Count(r => r.Applied), JournalPath = _fileSystem.Path.GetFullPath(journalPath) };
        if (interrupted)
        {
            return report with { Repairs = repairs, RepairErrors = errors, Summary = summary, Interrupted = true };
        }

        // The exit code must describe the storage as it is now: removing a dangling layer link from a repository
        // that is not a cache, for one, leaves an image that still cannot be pulled. Hashing is not repeated: no
        // repair changes blob data, so corruption found by the first pass still stands.
        var rescan = new Scanner(options with { Root = report.Summary.Root, Deep = false }, _fileSystem).Scan(CancellationToken.None);
        var remaining = rescan.Findings.Concat(report.Findings.Where(f => f.Kind == FindingKind.CorruptBlob)).Distinct().ToList();
        return report with
        {
            Remaining = remaining,
            Repairs = repairs,
            RepairErrors = errors,
            Summary = summary,
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

    /// <summary>What a scan stopped while reading says: the counts so far and no findings (a half-read tree concludes nothing).</summary>
    public ScanReport Interrupted() =>
        new(Summarize(options.Root, options.TimeProvider.GetUtcNow(), TimeSpan.Zero, []), [], [], []) { Interrupted = true };

    private ScanReport Fatal(string root, DateTimeOffset started, string error) =>
        new(Summarize(root, started, TimeSpan.Zero, []), [], [], [], error);
}
