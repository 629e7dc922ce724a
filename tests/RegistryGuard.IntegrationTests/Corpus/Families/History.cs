using RegistryGuard.Demo;
using RegistryGuard.IntegrationTests.Corpus.Content;

namespace RegistryGuard.IntegrationTests.Corpus.Families;

/// <summary>
/// Years of pushes and deletes: a tag overwritten four times (its history keeps every digest), a repository emptied by
/// DELETE (garbage-collected at the end of the build), one partly deleted, and uploads a client abandoned.
/// </summary>
internal static class History
{
    public const string Overwritten = "history/overwritten";
    public const string Emptied = "history/emptied";
    public const string PartlyDeleted = "history/partly-deleted";
    public const string Abandoned = "history/abandoned-upload";

    public static async Task PushAsync(CorpusSession session)
    {
        ManifestArtifact? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await session.TagAsync(Overwritten, "latest", Images.Oci($"overwritten-{i}", hour: i));
        }

        await session.TagAsync(Overwritten, "stable", Images.Oci("overwritten-stable"));
        session.Facts.Overwritten = new CorpusObject(Overwritten, "latest", last!);

        foreach (var i in new[] { 1, 2 })
        {
            var image = await session.TagAsync(Emptied, $"{i}", Images.Oci($"emptied-{i}", shared: [Layers.Gzip("emptied-only", 700)]));
            await session.DeleteAsync(Emptied, image.Digest);
        }

        session.Facts.Emptied = Emptied;
        var gone = await session.TagAsync(PartlyDeleted, "old", Images.Oci("partly-old"));
        await session.TagAsync(PartlyDeleted, "new", Images.Oci("partly-new"));
        await session.DeleteAsync(PartlyDeleted, gone.Digest);

        await session.TagAsync(Abandoned, "1", Images.Oci("abandoned-upload"));
    }
}
