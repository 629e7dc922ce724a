namespace RegistryGuard.Storage.Journaling;

/// <summary>
/// One recorded change to a link file: its path relative to the v2 root and its exact bytes before and after
/// (null when the file did not exist), the file's modification time before, and the highest directory the change
/// created (both null when not applicable, or in journals written before they were recorded).
/// </summary>
public sealed record JournalEntry(long Sequence, string RelativePath, byte[]? Before, byte[]? After)
{
    public DateTimeOffset? BeforeModified { get; init; }

    public string? CreatedDirectory { get; init; }
}
