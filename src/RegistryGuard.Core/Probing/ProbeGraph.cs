using System.Collections.Concurrent;
using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>A problem with one object itself, before it is attributed to the tags and parents that reach it.</summary>
internal readonly record struct Issue(FindingKind Kind, string Detail);

internal readonly record struct ObjectKey(string Repository, Digest Digest);

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

    public Digest? HeaderDigest { get; set; }

    public Issue? Error { get; set; }

    public BlobHashOutcome? Deep { get; set; }
}

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
/// Facts gathered by the walk: each (repository, digest) appears once however many tags share it. Findings
/// are derived from it afterwards, per tag, so every tag that reaches a broken object is named.
/// </summary>
internal sealed class ProbeGraph
{
    public ConcurrentDictionary<ObjectKey, ManifestNode> Manifests { get; } = new();

    public ConcurrentDictionary<ObjectKey, BlobNode> Blobs { get; } = new();

    public ConcurrentQueue<RootNode> Roots { get; } = new();

    /// <summary>Findings that belong to no tag: a repository whose tag list failed, an invalid name.</summary>
    public ConcurrentQueue<Finding> Standalone { get; } = new();
}
