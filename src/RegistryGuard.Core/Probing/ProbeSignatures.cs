using RegistryGuard.Oci;
using RegistryGuard.Registry;
using RegistryGuard.Signatures;

namespace RegistryGuard.Probing;

/// <summary>The walk's side of signature checking: what a completed repository hands over, and the step after the walk.</summary>
internal static class ProbeSignatures
{
    /// <summary>Taken when a repository's walk completes, before its nodes are let go.</summary>
    public static SignedRepository Subjects(RepositoryGraph graph, bool tagsListed)
    {
        var roots = graph.Roots
            .Where(r => r.Error is null && r.Digest is not null)
            .Select(r => (r.Tag, r.Digest!.Value))
            .ToList();
        HashSet<string>? listed = tagsListed ? [.. graph.Roots.Where(r => r.Tag is not null).Select(r => r.Tag!)] : null;
        var served = new HashSet<Digest>();
        foreach (var tag in listed ?? [])
        {
            // A signed index child (cosign sign --recursive) is served without a tag of its own.
            if (SignatureTag.TryGetSignatureCarrierSubject(tag, out var signed) && graph.Manifests.TryGetValue(signed, out var node) && node.Issues.Count == 0)
            {
                served.Add(signed);
            }
        }

        return new SignedRepository(graph.Name, roots, listed, served);
    }

    /// <summary>Checks the signatures of everything the walk resolved; findings join the run's, the summary is kept.</summary>
    public static async Task CheckAsync(RegistryClient client, ProbeOptions options, ProbeGraph graph, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        if (options.Signatures is not { } signatures)
        {
            return;
        }

        var audit = new SignatureAudit(client, signatures);
        var (findings, summary) = await audit.RunAsync(graph.Signed, options.Concurrency, cancellationToken).ConfigureAwait(false);
        foreach (var finding in findings)
        {
            graph.Standalone.Enqueue(finding);
        }

        foreach (var warning in audit.Warnings)
        {
            warnings.Add(warning);
        }

        graph.Signatures = summary;
    }
}
