using System.Collections.Concurrent;
using System.Net;
using RegistryGuard.Oci;
using RegistryGuard.Registry;

namespace RegistryGuard.Signatures;

/// <summary>
/// Finds the signatures of a manifest the ways clients store them — the tag <c>sha256-&lt;hex&gt;.sig</c>, and OCI 1.1
/// referrers (the referrers API, or the <c>sha256-&lt;hex&gt;</c> fallback tag where the registry has none) — and
/// checks each signature layer. A registry error other than "not there" is thrown, never read as "unsigned".
/// </summary>
public sealed class SignatureChecker(RegistryClient client, IReadOnlyList<CosignKey> keys)
{
    private const long MaxPayloadBytes = 1024 * 1024;

    // Learned once per run: a registry answering 404 to the referrers API has none (distribution 2.8).
    private volatile bool _noReferrersApi;

    public ConcurrentQueue<string> Warnings { get; } = new();

    /// <param name="knownTags">The repository's tags when they were listed (signature tags absent from it are not
    /// asked for); null to ask for them directly (verify does not list tags).</param>
    public async Task<SubjectVerdict> CheckAsync(string repository, Digest subject, IReadOnlySet<string>? knownTags, CancellationToken cancellationToken)
    {
        var found = new List<(string Source, Manifest? Manifest, string? Problem)>();
        var signatureTag = SignatureTag.For(subject);
        if (knownTags is null || knownTags.Contains(signatureTag))
        {
            if (await TryGetAsync(repository, signatureTag, null, cancellationToken).ConfigureAwait(false) is { } tagged)
            {
                found.Add(("tag " + Short(signatureTag), tagged.Manifest, tagged.Problem));
            }
        }

        foreach (var referrer in (await ReferrersAsync(repository, subject, knownTags, cancellationToken).ConfigureAwait(false))
                     .Where(CosignFormat.IsSignatureReferrer).DistinctBy(d => d.Digest))
        {
            var source = "referrer " + referrer.Digest.Abbreviated;
            var fetched = await TryGetAsync(repository, referrer.Digest.ToString(), referrer.Digest, cancellationToken).ConfigureAwait(false);
            found.Add(fetched is null ? (source, null, "listed as a referrer but answers 404") : (source, fetched.Value.Manifest, fetched.Value.Problem));
        }

        if (found.Count == 0)
        {
            return new SubjectVerdict(SignatureState.NotSigned, $"no cosign signature: neither tag {Short(signatureTag)} nor a signature referrer");
        }

        var problems = new List<string>();
        foreach (var (source, manifest, problem) in found)
        {
            if (manifest is null)
            {
                problems.Add($"{source}: {problem}");
                continue;
            }

            var layers = manifest.Layers.Where(l => l.MediaType == CosignFormat.SimpleSigningMediaType).ToList();
            if (layers.Count == 0)
            {
                problems.Add($"{source}: no {CosignFormat.SimpleSigningMediaType} layer");
            }

            foreach (var layer in layers)
            {
                var verdict = await CheckLayerAsync(repository, subject, layer, cancellationToken).ConfigureAwait(false);
                if (verdict.IsValid)
                {
                    return new SubjectVerdict(SignatureState.Valid, $"{source} verifies with {verdict.Key}", verdict.Key);
                }

                problems.Add($"{source}: {verdict.Problem}");
            }
        }

        return new SubjectVerdict(SignatureState.Invalid, problems.Count == 1 ? problems[0] : $"{problems.Count} signatures, none valid: {string.Join("; ", problems)}");
    }

    /// <summary>How many cosign signatures a referrers fallback tag lists (0 when it lists other artifacts only, is gone, or is not an index).</summary>
    public async Task<int> SignaturesListedByAsync(string repository, string fallbackTag, CancellationToken cancellationToken)
    {
        var fallback = await TryGetAsync(repository, fallbackTag, null, cancellationToken).ConfigureAwait(false);
        return fallback?.Manifest is { Kind: ManifestKind.Index } index ? index.Manifests.Count(CosignFormat.IsSignatureReferrer) : 0;
    }

    private async Task<LayerVerdict> CheckLayerAsync(string repository, Digest subject, Descriptor layer, CancellationToken cancellationToken)
    {
        if (layer.Size > MaxPayloadBytes)
        {
            return LayerVerdict.Invalid($"payload of {layer.Size} bytes is above the {MaxPayloadBytes}-byte limit");
        }

        byte[] payload;
        try
        {
            payload = await client.GetBlobAsync(repository, layer.Digest, MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return LayerVerdict.Invalid($"payload blob {layer.Digest.Abbreviated} answers 404");
        }

        // The signature covers these bytes; bytes the registry serves under another digest are not the signed payload.
        return Digest.Sha256Of(payload) != layer.Digest
            ? LayerVerdict.Invalid($"payload blob {layer.Digest.Abbreviated} served bytes that do not hash to its digest")
            : SignatureVerifier.Verify(keys, subject, payload, layer.Annotations.GetValueOrDefault(CosignFormat.SignatureAnnotation));
    }

    private async Task<IReadOnlyList<Descriptor>> ReferrersAsync(string repository, Digest subject, IReadOnlySet<string>? knownTags, CancellationToken cancellationToken)
    {
        if (!_noReferrersApi)
        {
            try
            {
                return await client.GetReferrersAsync(repository, subject, cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryException ex) when (ex is RegistryNotFoundException or RegistryAuthException || ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.MethodNotAllowed)
            {
                _noReferrersApi = true;
                if (ex is not RegistryNotFoundException)
                {
                    Warnings.Enqueue($"the referrers API answered {ex.Message}; reading the referrers fallback tags instead");
                }
            }
        }

        var fallbackTag = SignatureTag.ReferrersFallbackFor(subject);
        if (knownTags is not null && !knownTags.Contains(fallbackTag))
        {
            return [];
        }

        var fallback = await TryGetAsync(repository, fallbackTag, null, cancellationToken).ConfigureAwait(false);
        return fallback?.Manifest is { Kind: ManifestKind.Index } index ? index.Manifests : [];
    }

    /// <summary>The manifest, a reason it is unusable, or null when the registry answers 404.</summary>
    private async Task<(Manifest? Manifest, string? Problem)?> TryGetAsync(string repository, string reference, Digest? expected, CancellationToken cancellationToken)
    {
        ManifestResponse response;
        try
        {
            response = await client.GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryNotFoundException)
        {
            return null;
        }
        catch (ManifestTooLargeException ex)
        {
            return (null, ex.Message);
        }

        if (expected is { } digest && response.ComputedDigest != digest)
        {
            return (null, $"the manifest served hashes to {response.ComputedDigest}");
        }

        try
        {
            return (ManifestParser.Parse(response.Body, response.ContentType), null);
        }
        catch (ManifestFormatException ex)
        {
            return (null, "unreadable manifest: " + ex.Message);
        }
    }

    /// <summary><c>sha256-&lt;12 hex&gt;….sig</c>: the full digest is on the finding already.</summary>
    private static string Short(string tag) => tag.Length > 20 ? tag[..19] + "….sig" : tag;
}
