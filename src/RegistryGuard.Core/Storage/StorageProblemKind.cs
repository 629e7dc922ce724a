namespace RegistryGuard.Storage;

internal enum StorageProblemKind
{
    /// <summary>A directory or file that could not be read, or a symbolic link that was not followed.</summary>
    Unreadable,

    /// <summary>A name that is not valid UTF-8: it cannot be reopened by name, so it is never read.</summary>
    NotUtf8Name,
}
