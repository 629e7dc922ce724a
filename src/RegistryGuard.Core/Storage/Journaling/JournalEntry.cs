namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// One recorded change to a link file: its path relative to the v2 root and its exact bytes before and after
/// (null when the file did not exist).
/// </summary>
public sealed record JournalEntry(long Sequence, string RelativePath, byte[]? Before, byte[]? After);
