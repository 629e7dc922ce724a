namespace RegistryGuard.Storage;

/// <summary>What part of distribution's layout a problem was met in, so each reader can word it for its user.</summary>
internal enum StorageEntry
{
    Other,

    /// <summary>A directory under <c>repositories/</c> that is, or may hold, a repository.</summary>
    Repository,

    /// <summary>A directory under <c>_manifests/tags</c>.</summary>
    Tag,

    /// <summary>A directory under <c>_manifests/revisions/sha256</c>.</summary>
    Revision,
}
