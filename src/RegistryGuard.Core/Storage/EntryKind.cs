namespace RegistryGuard.Storage;

/// <summary>What a path is, as <c>lstat</c> sees it: a symbolic link is never resolved.</summary>
internal enum EntryKind
{
    Missing,
    Directory,
    File,
    SymbolicLink,
}
