using RegistryGuard.Findings;
using RegistryGuard.Oci;

namespace RegistryGuard.Probing;

/// <summary>Turns the walk's facts into findings: one per (repository, tag, parent, digest, kind).</summary>
internal static class ProbeFindings
{
    /// <summary>All findings of the walk: those derived as repositories completed, plus the rest.</summary>
    public static IReadOnlyList<Finding> Derive(ProbeGraph graph, Func<string, bool> isPullThrough)
    {
        foreach (var finding in graph.Standalone)
        {
            graph.Findings.Add(finding);
        }

        foreach (var repository in graph.Kept)
        {
            Add(graph.Findings, repository, isPullThrough(repository.Name));
        }

        return graph.Findings.ToSortedList();
    }

    /// <summary>The findings of one repository whose walk is complete.</summary>
    public static void Add(FindingCollector collector, RepositoryGraph repository, bool pullThrough)
    {
        foreach (var root in repository.Roots)
        {
            var emit = new Emitter(collector, root.Repository, root.Tag, pullThrough);
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

            Visit(repository, emit, digest, parent: null, new HashSet<Digest>());
        }
    }

    private static void Visit(RepositoryGraph graph, Emitter emit, Digest digest, Digest? parent, HashSet<Digest> visited)
    {
        // A manifest referenced twice under one tag (or an index that references itself) is reported once.
        if (!visited.Add(digest) || !graph.Manifests.TryGetValue(digest, out var node))
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
            if (graph.Manifests.TryGetValue(child.Digest, out var childNode)
                && childNode.BodyLength is { } length && length != child.Size)
            {
                emit.Add(new Issue(FindingKind.SizeMismatch, $"served {length} bytes, the index says {child.Size}"), digest, child.Digest);
            }

            Visit(graph, emit, child.Digest, digest, visited);
        }

        foreach (var blob in node.Blobs)
        {
            if (blob.Foreign || !visited.Add(blob.Digest) || !graph.Blobs.TryGetValue(blob.Digest, out var blobNode))
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

            if (blobNode.MismatchedHeader is { } header)
            {
                emit.Add(new Issue(FindingKind.DigestMismatch, $"HEAD announces Docker-Content-Digest {header.Value}"), digest, blob.Digest);
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
        public bool PullThrough { get; } = pullThrough;

        public void Add(Issue issue, Digest? parent, Digest? digest, Severity? severity = null)
        {
            var detail = severity == Severity.Info ? issue.Detail + " (pull-through cache: partial indexes are normal)" : issue.Detail;
            collector.Add(new Finding(issue.Kind, repository, tag, parent?.ToString(), digest?.ToString(), detail)
            {
                Severity = severity ?? issue.Kind.DefaultSeverity(),
            });
        }
    }
}
