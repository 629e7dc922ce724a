using RegistryGuard.Storage;
using RegistryGuard.Storage.Journaling;

namespace RegistryGuard.Scanning;

/// <summary>
/// Makes the planned repairs through the change journal, re-checking each one's premise just before the change
/// (the registry may have moved on since the scan). Only link files change; blob data is never touched.
/// </summary>
internal static class RepairExecutor
{
    public static (IReadOnlyList<RepairAction> Repairs, IReadOnlyList<string> Errors) Apply(
        string v2Root, IReadOnlyList<RepairAction> planned, string journalPath, TimeProvider timeProvider)
    {
        var done = new List<RepairAction>();
        var errors = new List<string>();
        using var journal = ChangeJournal.Create(journalPath, v2Root, "scan --fix", timeProvider);
        foreach (var repair in planned)
        {
            var link = Path.Combine(v2Root, repair.RelativePath);
            var data = new FileInfo(StoragePaths.BlobData(v2Root, repair.Digest));
            try
            {
                switch (repair.Kind)
                {
                    case RepairKind.WriteRevisionLink when data is { Exists: true, LinkTarget: null }:
                        journal.WriteLink(link, repair.Digest);
                        break;
                    case RepairKind.RemoveDanglingLayerLink when !data.Exists:
                        journal.RemoveLink(link, Path.GetDirectoryName(Path.GetDirectoryName(link))!);
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
        return (done, errors);
    }
}
