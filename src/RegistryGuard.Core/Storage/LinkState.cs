namespace RegistryGuard.Storage;

internal enum LinkState
{
    Valid,
    Missing,
    Corrupt,
    Unreadable,
}
