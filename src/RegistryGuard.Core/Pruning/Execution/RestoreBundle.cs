using System.Text.Json;
using RegistryGuard.Oci;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Pruning.Execution;

/// <summary>
/// What an API prune deleted, saved before each delete: the manifest's exact bytes (<c>manifests/&lt;hex&gt;</c>)
/// and its tags, listed in <c>index.json</c> in deletion order. Restorable until GC sweeps the blobs.
/// </summary>
public sealed class RestoreBundle
{
    public const string IndexFile = "index.json";
    private readonly List<BundleEntry> _entries = [];

    private RestoreBundle(string directory) => Directory = directory;

    public string Directory { get; }

    public IReadOnlyList<BundleEntry> Entries => _entries;

    public static RestoreBundle Create(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(Path.Combine(full, IndexFile)))
        {
            throw new IOException($"{full} already holds a restore bundle; pass a new --backup directory");
        }

        System.IO.Directory.CreateDirectory(Path.Combine(full, "manifests"));
        var bundle = new RestoreBundle(full);
        bundle.Persist();
        return bundle;
    }

    public static IReadOnlyList<BundleEntry> Read(string directory)
    {
        var path = Path.Combine(directory, IndexFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} not found: not a prune restore bundle", path);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return [.. document.RootElement.GetProperty("entries").EnumerateArray().Select(e => new BundleEntry(
                e.GetProperty("repository").GetString()!,
                Digest.Parse(e.GetProperty("digest").GetString()!),
                e.GetProperty("media_type").GetString()!,
                e.GetProperty("file").GetString()!,
                [.. e.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)],
                e.GetProperty("deleted").GetBoolean()))];
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} is not a valid restore bundle index ({ex.Message})", ex);
        }
    }

    /// <summary>Saves the bytes and the entry (durably) before the delete is attempted.</summary>
    public void Save(string repository, Digest digest, string mediaType, byte[] bytes, IReadOnlyList<string> tags)
    {
        var file = $"manifests/{digest.Hex}";
        var path = Path.Combine(Directory, "manifests", digest.Hex);
        if (!File.Exists(path))
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        _entries.Add(new BundleEntry(repository, digest, mediaType, file, tags, Deleted: false));
        Persist();
    }

    public void MarkDeleted(string repository, Digest digest)
    {
        var index = _entries.FindLastIndex(e => e.Repository == repository && e.Digest == digest);
        _entries[index] = _entries[index] with { Deleted = true };
        Persist();
    }

    private void Persist()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteString("note", "registryguard restore --backup <this directory> --registry <url>; works until garbage-collect sweeps the blobs");
            writer.WriteStartArray("entries");
            foreach (var entry in _entries)
            {
                writer.WriteStartObject();
                writer.WriteString("repository", entry.Repository);
                writer.WriteString("digest", entry.Digest.ToString());
                writer.WriteString("media_type", entry.MediaType);
                writer.WriteString("file", entry.File);
                writer.WriteStartArray("tags");
                foreach (var tag in entry.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                writer.WriteBoolean("deleted", entry.Deleted);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        ChangeJournal.AtomicWrite(RegistryStorage.RealFileSystem, Path.Combine(Directory, IndexFile), buffer.ToArray());
    }
}
