using System.Text;
using System.Text.Json;
using RegistryGuard.Oci;
using RegistryGuard.Storage;

namespace RegistryGuard.IntegrationTests.Corpus;

/// <summary>What the built corpus holds, read from its storage: the figures docs/reliability.md names.</summary>
internal sealed record CorpusCensus(
    int Repositories,
    int Tags,
    int MostTagsInOneRepository,
    int Manifests,
    IReadOnlyDictionary<string, int> ManifestMediaTypes,
    IReadOnlyDictionary<string, int> ConfigAndArtifactTypes,
    IReadOnlyDictionary<string, int> LayerMediaTypes)
{
    public static CorpusCensus Read(string v2Root)
    {
        var repositories = ManifestDirectories(Path.Combine(v2Root, "repositories")).ToList();
        var tagsPerRepository = repositories.Select(m => Path.Combine(m, "tags"))
            .Select(t => Directory.Exists(t) ? Directory.EnumerateDirectories(t).Count(d => File.Exists(Path.Combine(d, "current", "link"))) : 0).ToList();
        var manifests = repositories
            .Select(m => Path.Combine(m, "revisions", "sha256"))
            .Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateFiles(r, "link", SearchOption.AllDirectories))
            .Select(link => Digest.Parse(File.ReadAllText(link)))
            .Distinct()
            .Select(d => StoragePaths.BlobData(v2Root, d))
            .Where(File.Exists)
            .ToList();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var artifacts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var layers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in manifests)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var parsed = ManifestParser.Parse(File.ReadAllBytes(path));
            Count(kinds, root.TryGetProperty("mediaType", out var mt) ? mt.GetString()! : $"{parsed.MediaType} (no mediaType field)");
            var type = root.TryGetProperty("artifactType", out var at) ? $"artifactType {at.GetString()}" : parsed.Config is { } config ? config.MediaType : null;
            if (type is not null)
            {
                Count(artifacts, type);
            }

            foreach (var blob in parsed.Kind == ManifestKind.Index ? parsed.Blobs : parsed.Layers)
            {
                Count(layers, blob.MediaType);
            }
        }

        return new CorpusCensus(repositories.Count, tagsPerRepository.Sum(), tagsPerRepository.Max(), manifests.Count, kinds, artifacts, layers);
    }

    public override string ToString()
    {
        var text = new StringBuilder()
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{Repositories} repositories, {Tags} tags (at most {MostTagsInOneRepository} in one repository), {Manifests} manifests");
        foreach (var (title, table) in new[] { ("manifest types", ManifestMediaTypes), ("config and artifact types", ConfigAndArtifactTypes), ("layer and blob-entry types", LayerMediaTypes) })
        {
            text.AppendLine(title + ":");
            foreach (var (name, count) in table)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"  {count,5}  {name}");
            }
        }

        return text.ToString();
    }

    /// <summary>Like distribution: a directory holding <c>_manifests</c> is a repository; <c>_</c>-prefixed directories are its own.</summary>
    private static IEnumerable<string> ManifestDirectories(string directory)
    {
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(child);
            if (name == "_manifests")
            {
                yield return child;
            }
            else if (!name.StartsWith('_'))
            {
                foreach (var nested in ManifestDirectories(child))
                {
                    yield return nested;
                }
            }
        }
    }

    private static void Count(SortedDictionary<string, int> table, string key) => table[key] = table.GetValueOrDefault(key) + 1;
}
