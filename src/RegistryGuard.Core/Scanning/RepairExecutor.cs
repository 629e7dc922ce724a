using System.IO.Abstractions;
using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Scanning;

/// <summary>
/// Makes the planned repairs through the storage layer's journaled changes, re-checking each one's premise just
/// before the change (the registry may have moved on since the scan). Only link files change; blob data is never
/// touched.
/// </summary>
internal static class RepairExecutor
{
    /// <param name="cancellationToken">Checked before each change: a signal stops the fix between two changes, each one journaled whole, and the journal gets its end record.</param>
    public static (IReadOnlyList<RepairAction> Repairs, IReadOnlyList<string> Errors, bool Interrupted) Apply(
        string v2Root, IReadOnlyList<RepairAction> planned, string journalPath, TimeProvider timeProvider, IFileSystem? fileSystem = null,
        CancellationToken cancellationToken = default)
    {
        var interrupted = false;
        var storage = new RegistryStorage(v2Root, fileSystem);
        var done = new List<RepairAction>();
        var errors = new List<string>();
        using var journal = ChangeJournal.Create(journalPath, storage.V2Root, "scan --fix", timeProvider, storage.FileSystem);
        var changes = new StorageChanges(storage, journal);
        foreach (var repair in planned)
        {
            if (interrupted |= cancellationToken.IsCancellationRequested)
            {
                done.Add(repair); // not made
                continue;
            }

            try
            {
                var data = storage.BlobData(repair.Digest.Hex);
                switch (repair.Kind)
                {
                    case RepairKind.WriteRevisionLink when data is not null:
                        changes.WriteRevisionLink(repair.Repository, repair.Digest);
                        break;
                    case RepairKind.RemoveDanglingLayerLink when data is null && !BlobDataHidden(storage, repair.Digest.Hex):
                        changes.RemoveLayerLink(repair.Repository, repair.Digest);
                        break;
                    default:
                        errors.Add($"{repair.RelativePath}: skipped, the blob data changed since the scan");
                        done.Add(repair);
                        continue;
                }

                done.Add(repair with { Applied = true });
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                errors.Add($"{repair.RelativePath}: {ex.Message}");
                done.Add(repair);
            }
        }

        journal.Complete();
        return (done, errors, interrupted);
    }

    /// <summary>Blob data that is there but reached through a symbolic link is not "gone": its layer link stays.</summary>
    private static bool BlobDataHidden(RegistryStorage storage, string hex) =>
        storage.KindOf(StoragePaths.BlobData(storage.V2Root, hex)) != EntryKind.Missing;
}
