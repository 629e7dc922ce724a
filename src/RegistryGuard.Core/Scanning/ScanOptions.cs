using RegistryGuard.Common;

namespace RegistryGuard.Scanning;

/// <param name="Root">The storage <c>rootdirectory</c>, or its <c>docker/registry/v2</c> directory.</param>
/// <param name="PullThrough">Repositories that are pull-through caches: missing index children are normal there.</param>
public sealed record ScanOptions(string Root)
{
    public bool Deep { get; init; }

    public IReadOnlyList<GlobPattern> PullThrough { get; init; } = [];

    public TimeSpan UploadAge { get; init; } = TimeSpan.FromHours(24);

    public int Concurrency { get; init; } = Math.Max(4, Environment.ProcessorCount * 2);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
