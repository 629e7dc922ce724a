using System.Collections.Concurrent;

namespace RegistryGuard.Storage;

/// <summary>Thread-safe list of what the readers met and did not read.</summary>
internal sealed class StorageProblems
{
    private readonly ConcurrentQueue<StorageProblem> _problems = new();

    public int Count => _problems.Count;

    public IReadOnlyList<StorageProblem> All => _problems.IsEmpty ? [] : [.. _problems];

    public void Add(StorageProblem problem) => _problems.Enqueue(problem);
}
