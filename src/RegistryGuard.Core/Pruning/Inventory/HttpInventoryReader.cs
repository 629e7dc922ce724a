using System.Text.Json;
using RegistryGuard.Oci;
using RegistryGuard.Pruning.Planning;
using RegistryGuard.Registry;

namespace RegistryGuard.Pruning.Inventory;

/// <summary>
/// Reads a repository over the distribution API: every tag, and every manifest its tags reach. The push time of
/// a tag is the <c>created</c> field of its image config (for an index, the newest among its children): the API
/// has no push time. Untagged manifests are invisible over HTTP.
/// </summary>
public sealed class HttpInventoryReader
{
    private const long MaxConfigBytes = 1024 * 1024;
    private readonly RegistryClient _client;
    private readonly List<string> _warnings = [];

    public HttpInventoryReader(RegistryClient client) => _client = client;

    public IReadOnlyList<string> Warnings => _warnings;

    public async Task<IReadOnlyList<string>> RepositoriesAsync(PruneRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var result = new List<string>();
        await foreach (var repository in _client.ListRepositoriesAsync(1000, cancellationToken).ConfigureAwait(false))
        {
            if (!RepositoryName.IsValid(repository))
            {
                _warnings.Add($"catalog lists '{Storage.StorageNames.Printable(repository)}', not a valid repository name; left alone");
            }
            else if (rules.InScope(repository))
            {
                result.Add(repository);
            }
        }

        return result;
    }

    public async Task<RepositoryInventory> ReadAsync(string repository, CancellationToken cancellationToken)
    {
        var manifests = new Dictionary<Digest, InventoryManifest>();
        var tags = new List<InventoryTag>();
        var names = new List<string>();
        await foreach (var tag in _client.ListTagsAsync(repository, 1000, cancellationToken).ConfigureAwait(false))
        {
            names.Add(tag);
        }

        foreach (var tag in names.Where(RepositoryName.IsValidTag).Order(StringComparer.Ordinal))
        {
            try
            {
                var response = await _client.GetManifestAsync(repository, tag, cancellationToken).ConfigureAwait(false);
                var manifest = await AddAsync(repository, response, manifests, cancellationToken).ConfigureAwait(false);
                tags.Add(new InventoryTag(tag, response.ComputedDigest, manifest.Created));
            }
            catch (Exception ex) when (ex is RegistryNotFoundException or ManifestFormatException or ManifestTooLargeException)
            {
                _warnings.Add($"{repository}:{tag}: manifest unreadable ({ex.Message}); tag left alone");
            }
        }

        return new RepositoryInventory(repository, tags, manifests, Complete: false)
        {
            GoneSubjects = await GoneSignatureSubjectsAsync(repository, tags, manifests, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Untagged manifests are invisible over HTTP, so a signature's subject is gone only when the registry says 404.</summary>
    private async Task<HashSet<Digest>> GoneSignatureSubjectsAsync(
        string repository, List<InventoryTag> tags, Dictionary<Digest, InventoryManifest> manifests, CancellationToken cancellationToken)
    {
        var gone = new HashSet<Digest>();
        var tagged = tags.Select(t => t.Digest).ToHashSet();
        foreach (var tag in tags)
        {
            if (!AttachedTag.TryGetSubject(tag.Name, out var subject) || manifests.ContainsKey(subject) || tagged.Contains(subject)
                || !OrphanedSignature.CarriesSignatures(tag, manifests))
            {
                continue;
            }

            try
            {
                await _client.ResolveAsync(repository, subject.ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (RegistryNotFoundException)
            {
                gone.Add(subject);
            }
        }

        return gone;
    }

    private async Task<InventoryManifest> AddAsync(
        string repository, ManifestResponse response, Dictionary<Digest, InventoryManifest> manifests, CancellationToken cancellationToken)
    {
        var digest = response.ComputedDigest;
        if (manifests.TryGetValue(digest, out var known))
        {
            return known;
        }

        var manifest = ManifestParser.Parse(response.Body, response.ContentType);
        DateTimeOffset? created = null;
        foreach (var child in manifest.ChildManifests)
        {
            if (!manifests.TryGetValue(child.Digest, out var childManifest))
            {
                try
                {
                    var childResponse = await _client.GetManifestAsync(repository, child.Digest.ToString(), cancellationToken).ConfigureAwait(false);
                    childManifest = await AddAsync(repository, childResponse, manifests, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is RegistryNotFoundException or ManifestFormatException or ManifestTooLargeException)
                {
                    _warnings.Add($"{repository}@{child.Digest}: child of {digest.Abbreviated} unreadable ({ex.Message})");
                    continue;
                }
            }

            created = Newest(created, childManifest.Created);
        }

        if (manifest.Kind == ManifestKind.Image && manifest.Config is { } config)
        {
            created = await CreatedAsync(repository, config.Digest, cancellationToken).ConfigureAwait(false);
        }

        var result = InventoryManifest.From(digest, response.Body.LongLength, manifest, created);
        manifests[digest] = result;
        return result;
    }

    private async Task<DateTimeOffset?> CreatedAsync(string repository, Digest config, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await _client.GetBlobAsync(repository, config, MaxConfigBytes, cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("created", out var created)
                && created.ValueKind == JsonValueKind.String
                && created.TryGetDateTimeOffset(out var time)
                ? time
                : null;
        }
        catch (Exception ex) when (ex is RegistryException or JsonException)
        {
            return null; // no push time: ordered by tag name instead
        }
    }

    private static DateTimeOffset? Newest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
