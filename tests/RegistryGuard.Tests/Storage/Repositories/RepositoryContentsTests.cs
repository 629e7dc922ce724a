using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Tests.Storage.Repositories;

/// <summary>What counts as an empty repository (the scan's <c>empty_repositories</c>), on plain facts.</summary>
public sealed class RepositoryContentsTests
{
    private const string Hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static LinkSet Links(bool complete = true, params string[] hexes) => new(hexes.ToHashSet(StringComparer.Ordinal), complete, []);

    private static readonly RepositoryContents Nothing = new("app", ValidName: true);

    [Fact]
    public void No_tag_and_no_revision_is_empty_whatever_layer_links_and_uploads_are_left()
    {
        Assert.True(Nothing.IsEmpty);
        Assert.True((Nothing with { Layers = Links(true, Hex), Uploads = [new UploadContents("4f1c", DateTimeOffset.UnixEpoch, 10)] }).IsEmpty);
    }

    [Fact]
    public void A_tag_or_a_revision_or_what_could_not_be_read_is_not_empty()
    {
        Assert.False((Nothing with { Revisions = Links(true, Hex) }).IsEmpty);
        Assert.False((Nothing with { Tags = [new TagContents("1", ValidName: true, default, "")] }).IsEmpty);
        Assert.False((Nothing with { Revisions = Links(complete: false) }).IsEmpty);
        Assert.False((Nothing with { TagsComplete = false }).IsEmpty);
        Assert.False((Nothing with { Revisions = new LinkSet(new HashSet<string>(), true, [new LinkDefect(Hex, "link", "holds 'x'")]) }).IsEmpty);
    }
}
