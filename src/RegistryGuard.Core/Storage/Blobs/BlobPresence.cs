namespace RegistryGuard.Storage.Blobs;

internal enum BlobPresence
{
    Present,
    Absent,

    /// <summary>Could not be checked (unreadable directory, symbolic link): never reported missing, never repaired.</summary>
    Unverifiable,
}
