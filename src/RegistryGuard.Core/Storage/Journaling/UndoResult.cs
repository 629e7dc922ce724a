namespace RegistryGuard.Storage.Journaling;

/// <param name="Restored">Changes reverted.</param>
/// <param name="AlreadyUndone">Files already in their "before" state (a re-run, or a change a crash never made).</param>
/// <param name="Conflicts">Files changed by someone else since: left alone, each with a message.</param>
public sealed record UndoResult(int Restored, int AlreadyUndone, IReadOnlyList<string> Conflicts, IReadOnlyList<string> Warnings);
