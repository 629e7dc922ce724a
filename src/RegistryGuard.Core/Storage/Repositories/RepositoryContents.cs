namespace RegistryGuard.Storage.Repositories;

/// <summary>
/// What one repository's directory holds, as read: plain facts with no judgement. Scan derives findings from them,
/// prune its inventory.
/// </summary>
/// <param name="Name">As found on disk; when <paramref name="ValidName"/> is false nothing else was read.</param>
internal sealed record RepositoryContents(string Name, bool ValidName)
{
    public LinkSet Layers { get; init; } = LinkSet.Empty;

    public LinkSet Revisions { get; init; } = LinkSet.Empty;

    public IReadOnlyList<TagContents> Tags { get; init; } = [];

    /// <summary>False when <c>_manifests/tags</c> could not be listed.</summary>
    public bool TagsComplete { get; init; } = true;

    public IReadOnlyList<UploadContents> Uploads { get; init; } = [];

    /// <summary>What was met and not read: unreadable directories and files, symbolic links, undecodable names.</summary>
    public IReadOnlyList<StorageProblem> Problems { get; init; } = [];

    /// <summary>
    /// Nothing to pull: no tag and no revision link, as read whole. <c>_layers</c> links and uploads do not count: a
    /// DELETE of every manifest and then garbage-collect leave the links (GC never removes them) and nothing else.
    /// </summary>
    public bool IsEmpty => Revisions is { Hexes.Count: 0, Defects.Count: 0, Complete: true } && TagsComplete && !Tags.Any(t => t.ValidName);
}
