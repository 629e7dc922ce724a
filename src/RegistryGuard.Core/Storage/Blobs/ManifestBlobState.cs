namespace RegistryGuard.Storage.Blobs;

internal enum ManifestBlobState
{
    /// <summary>Read whole, and its bytes hash to its digest.</summary>
    Valid,

    /// <summary>No regular data file reached without a symbolic link.</summary>
    Absent,

    /// <summary>0 bytes: a truncated blob (no manifest is empty).</summary>
    Empty,

    /// <summary>Above distribution's 4 MiB manifest limit: never read into memory.</summary>
    TooLarge,

    Unreadable,

    /// <summary>Its bytes do not hash to its digest.</summary>
    HashMismatch,
}
