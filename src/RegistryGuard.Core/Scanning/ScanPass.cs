using System.Collections.Concurrent;
using RegistryGuard.Findings;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// One pass over repositories, in parallel: each repository's facts are read and its findings derived at once, so
/// only the repositories in flight are held in memory.
/// </summary>
internal sealed class ScanPass(RegistryStorage storage, BlobIndex blobs, ScanRules rules, int concurrency, IStorageProgress progress)
{
    private readonly ManifestCache _manifests = new(storage, blobs);
    private readonly ConcurrentQueue<RepairAction> _repairs = new();

    public FindingCollector Findings { get; } = new();

    /// <summary>Repairs planned, one per link file, in path order.</summary>
    public IReadOnlyList<RepairAction> Repairs => [.. _repairs.DistinctBy(r => r.RelativePath).OrderBy(r => r.RelativePath, StringComparer.Ordinal)];

    public ScanPass Run(IEnumerable<RepositoryDirectory> repositories, CancellationToken cancellationToken)
    {
        Parallel.ForEach(repositories, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, repository =>
        {
            var facts = RepositoryFactsReader.Read(storage, repository, blobs, _manifests, progress);
            var verdict = RepositoryFindings.Derive(facts, blobs, rules);
            foreach (var finding in verdict.Findings)
            {
                Findings.Add(finding);
            }

            foreach (var repair in verdict.Repairs)
            {
                _repairs.Enqueue(repair);
            }
        });
        return this;
    }
}
