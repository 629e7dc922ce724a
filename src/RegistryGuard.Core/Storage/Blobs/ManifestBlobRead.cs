namespace RegistryGuard.Storage.Blobs;

/// <param name="Bytes">The manifest's bytes, when <see cref="State"/> is <see cref="ManifestBlobState.Valid"/>.</param>
/// <param name="Length">The data file's length, when it was found.</param>
/// <param name="Problem">Why it could not be read, worded to follow "its blob data".</param>
internal sealed record ManifestBlobRead(ManifestBlobState State, byte[]? Bytes, long Length, string? Problem);
