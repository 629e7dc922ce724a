namespace RegistryGuard.Scanning;

internal enum LinkState
{
    Valid,
    Missing,
    Corrupt,
    Unreadable,
}
