using System.Collections.Concurrent;

namespace RegistryGuard.Findings;

/// <summary>Thread-safe sink for findings produced by concurrent walkers.</summary>
public sealed class FindingCollector
{
    private readonly ConcurrentQueue<Finding> _findings = new();

    public void Add(Finding finding) => _findings.Enqueue(finding);

    public int Count => _findings.Count;

    /// <summary>Findings in a stable order, so reports and tests do not depend on scheduling.</summary>
    public IReadOnlyList<Finding> ToSortedList() =>
        [.. _findings
            .Distinct()
            .OrderBy(f => f.Repository, StringComparer.Ordinal)
            .ThenBy(f => f.Tag ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Parent ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Digest ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Kind)];
}
