namespace RegistryGuard.Storage.Repositories;

/// <summary>Which of a repository's directories a reader needs: scan reads them all, prune only tags and revisions.</summary>
[Flags]
internal enum RepositoryParts
{
    None = 0,
    Layers = 1,
    Revisions = 2,
    Tags = 4,

    /// <summary>Each tag's <c>index/sha256/&lt;hex&gt;/link</c> history (only with <see cref="Tags"/>).</summary>
    TagHistory = 8,
    Uploads = 16,
    All = Layers | Revisions | Tags | TagHistory | Uploads,
}
