namespace RegistryGuard.Cli.Options;

/// <summary>
/// Journals are never appended to: each run that changes storage starts its own, so undoing one run never undoes
/// another. An existing file is most often the journal of an interrupted run, and the operator needs to hear that.
/// </summary>
internal static class ExistingJournal
{
    public static void Refuse(string journalPath)
    {
        if (File.Exists(journalPath))
        {
            throw new UsageException(
                $"journal '{journalPath}' already exists: it records an earlier run. If that run was interrupted, "
                + $"'registryguard undo --journal {journalPath}' reverts what it did, or simply re-run; "
                + "either way pass a new --journal file (or none, for a fresh default one)");
        }
    }
}
