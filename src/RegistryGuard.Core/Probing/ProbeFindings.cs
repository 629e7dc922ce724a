using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>Turns the walk's facts into findings: one per (repository, tag, parent, digest, kind).</summary>
internal static class ProbeFindings
{
    public static IReadOnlyList<Finding> Derive(ProbeGraph graph, Func<string, bool> isPullThrough)
    {
        var collector = new FindingCollector();
        foreach (var finding in graph.Standalone)
        {
            collector.Add(finding);
        }

        foreach (var root in graph.Roots)
        {
            var emit = new Emitter(collector, root.Repository, root.Tag, isPullThrough(root.Repository));
            if (root.Error is { } error)
            {
                emit.Add(error, parent: null, root.Digest);
                continue;
            }

            if (root.Digest is not { } digest)
            {
                continue;
            }

            if (root.HeaderDigest is { } header && header != digest)
            {
                emit.Add(new Issue(FindingKind.DigestMismatch, $"Docker-Content-Digest is {header} but the body hashes to {digest}"), null, digest);
            }

            Visit(graph, emit, digest, parent: null, new HashSet<Digest>());
        }

        return collector.ToSortedList();
    }

    private static void Visit(ProbeGraph graph, Emitter emit, Digest digest, Digest? parent, HashSet<Digest> visited)
    {
        // A manifest referenced twice under one tag (or an index that references itself) is reported once.
        if (!visited.Add(digest) || !graph.Manifests.TryGetValue(new ObjectKey(emit.Repository, digest), out var node))
        {
            return;
        }

        foreach (var issue in node.Issues)
        {
            var childOfPullThroughIndex = emit.PullThrough && parent is not null && issue.Kind == FindingKind.MissingManifest;
            emit.Add(issue, parent, digest, childOfPullThroughIndex ? Severity.Info : null);
        }

        foreach (var child in node.Children)
        {
            if (graph.Manifests.TryGetValue(new ObjectKey(emit.Repository, child.Digest), out var childNode)
                && childNode.BodyLength is { } length && length != child.Size)
            {
                emit.Add(new Issue(FindingKind.SizeMismatch, $"served {length} bytes, the index says {child.Size}"), digest, child.Digest);
            }

            Visit(graph, emit, child.Digest, digest, visited);
        }

        foreach (var blob in node.Blobs)
        {
            if (blob.Foreign || !visited.Add(blob.Digest) || !graph.Blobs.TryGetValue(new ObjectKey(emit.Repository, blob.Digest), out var blobNode))
            {
                continue;
            }

            if (blobNode.Error is { } error)
            {
                emit.Add(error, digest, blob.Digest);
                continue;
            }

            if (blobNode.Length != blob.Size)
            {
                var served = blobNode.Length is { } l ? $"Content-Length {l}" : "no Content-Length";
                emit.Add(new Issue(FindingKind.SizeMismatch, $"HEAD answers 200 with {served}, the descriptor says {blob.Size}"), digest, blob.Digest);
            }

            if (blobNode.HeaderDigest is { } header && header != blob.Digest)
            {
                emit.Add(new Issue(FindingKind.DigestMismatch, $"HEAD announces Docker-Content-Digest {header}"), digest, blob.Digest);
            }

            if (blobNode.Deep is { } deep)
            {
                if (deep.Error is { } deepError)
                {
                    emit.Add(deepError, digest, blob.Digest);
                }
                else if (deep.Computed != blob.Digest)
                {
                    emit.Add(new Issue(FindingKind.DigestMismatch, $"deep: the {deep.Length} bytes served hash to {deep.Computed}"), digest, blob.Digest);
                }
                else if (deep.Length != blob.Size)
                {
                    emit.Add(new Issue(FindingKind.SizeMismatch, $"deep: read {deep.Length} bytes, the descriptor says {blob.Size}"), digest, blob.Digest);
                }
            }
        }
    }

    private sealed class Emitter(FindingCollector collector, string repository, string? tag, bool pullThrough)
    {
        public string Repository { get; } = repository;

        public bool PullThrough { get; } = pullThrough;

        public void Add(Issue issue, Digest? parent, Digest? digest, Severity? severity = null)
        {
            var detail = severity == Severity.Info ? issue.Detail + " (pull-through cache: partial indexes are normal)" : issue.Detail;
            collector.Add(new Finding(issue.Kind, Repository, tag, parent?.ToString(), digest?.ToString(), detail)
            {
                Severity = severity ?? issue.Kind.DefaultSeverity(),
            });
        }
    }
}
