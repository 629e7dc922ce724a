using System.Collections.Concurrent;
using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>
/// Facts gathered by the walk: per repository, each digest appears once however many tags share it. Findings are
/// derived from a repository's part once its walk is complete, per tag, so every tag that reaches a broken object
/// is named.
/// </summary>
internal sealed class ProbeGraph
{
    /// <summary>Repositories whose findings are derived at the end rather than when their walk completes (--deep
    /// hashes each distinct blob once across repositories, after the walk).</summary>
    public ConcurrentQueue<RepositoryGraph> Kept { get; } = new();

    /// <summary>Findings that belong to no tag: a repository whose tag list failed, an invalid name.</summary>
    public ConcurrentQueue<Finding> Standalone { get; } = new();

    /// <summary>Findings of the repositories derived so far.</summary>
    public FindingCollector Findings { get; } = new();

    /// <summary>With signature checking on: what each completed repository hands to the step after the walk.</summary>
    public ConcurrentQueue<Signatures.SignedRepository> Signed { get; } = new();

    public Signatures.SignatureSummary? Signatures { get; set; }
}
