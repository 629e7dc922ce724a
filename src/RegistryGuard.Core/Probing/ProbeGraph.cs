using System.Collections.Concurrent;
using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>A problem with one object itself, before it is attributed to the tags and parents that reach it.</summary>
internal readonly record struct Issue(FindingKind Kind, string Detail);

/// <summary>A child or blob reference as its parent manifest describes it.</summary>
internal readonly record struct Reference(Digest Digest, long Size, bool Foreign);

internal sealed class ManifestNode
{
    public long? BodyLength { get; set; }

    // Most manifests have no issue: the list is created on the first one (one node per object the probe has seen).
    private List<Issue>? _issues;

    public IReadOnlyList<Issue> Issues => _issues is null ? [] : _issues;

    public void AddIssue(Issue issue) => (_issues ??= []).Add(issue);

    public Reference[] Children { get; set; } = [];

    public Reference[] Blobs { get; set; } = [];
}

internal sealed class BlobNode
{
    public long? Length { get; set; }

    /// <summary>Set only when Docker-Content-Digest names another digest than the one asked for: the usual answer
    /// repeats it, and an inline <see cref="Digest"/>? would widen every blob node.</summary>
    public AnnouncedDigest? MismatchedHeader { get; set; }

    public Issue? Error { get; set; }

    public BlobHashOutcome? Deep { get; set; }
}

internal sealed record AnnouncedDigest(Digest Value);

/// <summary>A class, not a struct: only --deep fills it, and inline it would widen every blob node of every probe.</summary>
internal sealed record BlobHashOutcome(Digest? Computed, long Length, Issue? Error);

/// <summary>Where a walk starts: a tag, or a digest given to verify.</summary>
internal sealed class RootNode(string repository, string? tag)
{
    public string Repository { get; } = repository;

    public string? Tag { get; } = tag;

    public Issue? Error { get; set; }

    public Digest? Digest { get; set; }

    public Digest? HeaderDigest { get; set; }
}

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
