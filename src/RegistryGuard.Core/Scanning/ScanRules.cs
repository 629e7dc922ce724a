using RegistryGuard.Common;

namespace RegistryGuard.Scanning;

/// <summary>What turns facts into findings besides the facts: which repositories are caches, and when an upload is stale.</summary>
internal sealed record ScanRules(IReadOnlyList<GlobPattern> PullThrough, TimeSpan UploadAge, DateTimeOffset Now)
{
    public static ScanRules From(ScanOptions options, DateTimeOffset now) => new(options.PullThrough, options.UploadAge, now);

    public bool IsPullThrough(string repository) => GlobPattern.AnyMatch(PullThrough, repository);
}
