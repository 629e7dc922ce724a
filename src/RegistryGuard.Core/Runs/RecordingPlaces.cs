using RegistryGuard.Common;
using RegistryGuard.Pruning.Execution;

namespace RegistryGuard.Runs;

/// <summary>
/// Where a registry-changing run records what it changes: checked before the run reads anything, so a change that
/// could not be recorded is never made (and the operator hears it in one line, before an hour-long walk).
/// </summary>
internal static class RecordingPlaces
{
    /// <summary>Why a new journal cannot be written at <paramref name="journal"/>, or null.</summary>
    public static string? JournalProblem(string journal) =>
        File.Exists(journal)
            ? $"journal {journal} already exists: it records an earlier run (undo it with 'registryguard undo --journal {journal}' if that run was interrupted); pass a new --journal file"
            : WritablePlace.FileProblem(journal, "journal") is { } problem ? problem + "; nothing was changed: pass a writable --journal (serve: journal_dir)" : null;

    /// <summary>Why a new restore bundle cannot be written in <paramref name="backup"/>, or null.</summary>
    public static string? BundleProblem(string backup) =>
        File.Exists(Path.Combine(backup, RestoreBundle.IndexFile))
            ? $"{Path.GetFullPath(backup)} already holds a restore bundle; pass a new --backup directory"
            : WritablePlace.DirectoryProblem(backup, "restore bundle") is { } problem ? problem + "; nothing was changed: pass a writable --backup directory (serve: backup_dir)" : null;
}
