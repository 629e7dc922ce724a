using RegistryGuard.IntegrationTests.Corpus.Content;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Repository and tag names at the edges of the grammar: deep, dotted, dashed and underscored, over 200 characters
/// (one long component and many), names spelled like the storage layout's own directories (repositories may nest
/// inside each other, and only <c>_</c>-prefixed words are reserved), and tags of 128 characters.
/// </summary>
internal static class Names
{
    public static IReadOnlyList<string> Repositories { get; } =
    [
        "deep/a/b/c/d/e/f/g/h/i/j/app",
        "dotted.name/app.v2",
        "dash-ed/under_score/double__under/tri---dash",
        "long/" + new string('x', 200),
        "long/" + string.Join('/', Enumerable.Range(0, 20).Select(i => $"seg{i:D2}-abcd")),
        "store",
        "store/blobs",
        "store/blobs/sha256/ab",
        "store/repositories/docker/registry/v2",
        "store/manifests/revisions",
        "store/tags/current/index",
        "store/a_manifests",
        "store/x_layers",
        "store/uploads/data",
    ];

    public static IReadOnlyList<string> Tags { get; } = ["1", new string('t', 128), "_leading-underscore", "UPPER.lower-Mixed_1.0"];

    /// <summary>Tags may start with an underscore: these are the storage layout's reserved words, inside a tag directory.</summary>
    public static IReadOnlyList<string> StorageWordTags { get; } = ["1", "_manifests", "_layers", "_uploads", "current", "index"];

    public static async Task PushAsync(CorpusSession session)
    {
        var shared = new[] { Layers.Gzip("names-base", 256) };
        foreach (var (repository, i) in Repositories.Select((r, i) => (r, i)))
        {
            var image = Images.Oci($"names-{i}", shared: shared);
            foreach (var tag in i == 0 ? Tags : repository == "store" ? StorageWordTags : ["1"])
            {
                await session.TagAsync(repository, tag, image);
            }
        }
    }
}
