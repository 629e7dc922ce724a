using System.Collections.Concurrent;
using System.Globalization;
using RegistryGuard.Findings;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.Signatures;

/// <summary>
/// The signature step after a walk: every manifest a tag points at (tags named after a digest excepted) is checked
/// once, and each tag pointing at it gets the finding; with the tags listed, <c>.sig</c> tags whose subject is gone
/// are <c>orphaned_signature</c>, and so are referrers fallback tags (<c>sha256-&lt;hex&gt;</c>) whose subject is gone
/// when they list at least one cosign signature: every entry of a fallback tag refers to the digest the tag is named
/// after, so the whole tag is orphaned (a tag listing only other artifacts, SBOMs or attestations, is not a signature). A check the registry did not answer is <c>unreachable</c>, never <c>unsigned</c>.
/// </summary>
public sealed class SignatureAudit(RegistryClient client, SignatureOptions options)
{
    private readonly SignatureChecker _checker = new(client, options.Keys);
    private int _checked;
    private int _valid;
    private int _unsigned;
    private int _invalid;
    private int _orphaned;
    private int _unchecked;

    public IEnumerable<string> Warnings => _checker.Warnings;

    public async Task<(IReadOnlyList<Finding> Findings, SignatureSummary Summary)> RunAsync(
        IEnumerable<SignedRepository> repositories, int concurrency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        var findings = new ConcurrentQueue<Finding>();
        var work = new List<Func<CancellationToken, Task>>();
        foreach (var repository in repositories)
        {
            foreach (var subject in repository.Roots.Where(r => r.Tag is null || !SignatureTag.NamesADigest(r.Tag)).GroupBy(r => r.Digest))
            {
                var names = subject.Select(r => r.Tag).ToList();
                work.Add(ct => CheckSubjectAsync(repository.Name, subject.Key, names, repository.ListedTags, findings, ct));
            }

            if (repository.ListedTags is not null)
            {
                var resolved = repository.Roots.Select(r => r.Digest).ToHashSet();
                foreach (var tag in repository.ListedTags.Order(StringComparer.Ordinal))
                {
                    if (SignatureTag.TryGetSignatureCarrierSubject(tag, out var signed) && !resolved.Contains(signed) && !repository.Served.Contains(signed))
                    {
                        work.Add(ct => CheckOrphanAsync(repository.Name, tag, signed, findings, ct));
                    }
                }
            }
        }

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (step, ct) => await step(ct).ConfigureAwait(false)).ConfigureAwait(false);

        var summary = new SignatureSummary([.. options.Keys.Select(k => k.Fingerprint)], _checked, _valid, _unsigned, _invalid, _orphaned, _unchecked);
        return ([.. findings], summary);
    }

    private async Task CheckSubjectAsync(
        string repository, Digest subject, List<string?> tags, IReadOnlySet<string>? knownTags, ConcurrentQueue<Finding> findings, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checked);
        SubjectVerdict verdict;
        try
        {
            verdict = await _checker.CheckAsync(repository, subject, knownTags, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException ex)
        {
            Interlocked.Increment(ref _unchecked);
            foreach (var tag in tags)
            {
                findings.Enqueue(Unanswered(ex, repository, tag, subject, "its signatures could not be checked"));
            }

            return;
        }

        switch (verdict.State)
        {
            case SignatureState.Valid:
                Interlocked.Increment(ref _valid);
                return;
            case SignatureState.NotSigned:
                Interlocked.Increment(ref _unsigned);
                var required = options.IsRequired(repository);
                foreach (var tag in tags)
                {
                    findings.Enqueue(new Finding(FindingKind.UnsignedImage, repository, tag, null, subject.ToString(),
                        verdict.Detail + (required ? "; this repository requires a signature" : "; not required here"))
                    {
                        Severity = required ? Severity.Failure : Severity.Info,
                    });
                }

                return;
            default:
                Interlocked.Increment(ref _invalid);
                foreach (var tag in tags)
                {
                    findings.Enqueue(new Finding(FindingKind.InvalidSignature, repository, tag, null, subject.ToString(), verdict.Detail));
                }

                return;
        }
    }

    private async Task CheckOrphanAsync(string repository, string tag, Digest subject, ConcurrentQueue<Finding> findings, CancellationToken cancellationToken)
    {
        try
        {
            if (await SubjectExistsAsync(repository, subject, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            string detail;
            if (SignatureTag.TryGetSignedDigest(tag, out _))
            {
                detail = "the image this signature tag signs answers 404; prune --apply removes the tag";
            }
            else
            {
                var signatures = await _checker.SignaturesListedByAsync(repository, tag, cancellationToken).ConfigureAwait(false);
                if (signatures == 0)
                {
                    return;
                }

                detail = string.Create(CultureInfo.InvariantCulture,
                    $"referrers fallback tag listing {signatures} cosign signature(s) of an image that answers 404; prune --apply removes the tag");
            }

            Interlocked.Increment(ref _orphaned);
            findings.Enqueue(new Finding(FindingKind.OrphanedSignature, repository, tag, null, subject.ToString(), detail));
        }
        catch (RegistryException ex)
        {
            findings.Enqueue(Unanswered(ex, repository, tag, subject, "could not check whether the image this signature tag signs still exists"));
        }
    }

    private async Task<bool> SubjectExistsAsync(string repository, Digest subject, CancellationToken cancellationToken)
    {
        try
        {
            await client.ResolveAsync(repository, subject.ToString(), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RegistryNotFoundException)
        {
            return false;
        }
    }

    private static Finding Unanswered(RegistryException ex, string repository, string? tag, Digest subject, string what) =>
        new(ex is RegistryAuthException ? FindingKind.AccessDenied : FindingKind.Unreachable, repository, tag, null, subject.ToString(), $"{what}: {ex.Message}");
}
