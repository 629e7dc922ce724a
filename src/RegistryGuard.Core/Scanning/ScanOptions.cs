using RegistryGuard.Common;

namespace RegistryGuard.Scanning;

/// <param name="Root">The storage <c>rootdirectory</c>, or its <c>docker/registry/v2</c> directory.</param>
/// <param name="PullThrough">Repositories that are pull-through caches: missing index children are normal there.</param>
public sealed record ScanOptions(string Root)
{
    public bool Deep { get; init; }

    public IReadOnlyList<GlobPattern> PullThrough { get; init; } = [];

    public TimeSpan UploadAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Walkers spend most of a cold-cache scan waiting on the disk, not the CPU, so there are more of them than
    /// cores: over 1,006,500 link files with a dropped page cache, 32 walkers took 323 s where 4 took 511 s, and on
    /// a warm cache 16 were not slower than 4 (docs/benchmarks.md).
    /// </summary>
    public static int DefaultConcurrency { get; } = Math.Max(16, Environment.ProcessorCount * 4);

    public int Concurrency { get; init; } = DefaultConcurrency;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long the second read of a repository with a race-prone finding waits after the first, so that a push in
    /// progress has finished writing (<see cref="FindingConfirmation"/>). Only scans with such findings wait.
    /// </summary>
    public TimeSpan ConfirmationDelay { get; init; } = TimeSpan.FromSeconds(1);
}
