using RegistryGuard.Findings;
using RegistryGuard.Registry;

namespace RegistryGuard.Probing;

/// <summary>Maps a failed registry call to the finding it means. 404 is "missing"; anything transient is "unreachable".</summary>
internal static class ErrorClassification
{
    public static Issue ForManifest(RegistryException ex) => ex switch
    {
        RegistryNotFoundException => new Issue(FindingKind.MissingManifest, $"answers 404{Code(ex)}"),
        ManifestTooLargeException => new Issue(FindingKind.UnreadableManifest, ex.Message),
        _ => Common(ex),
    };

    public static Issue ForBlob(RegistryException ex) => ex switch
    {
        RegistryNotFoundException => new Issue(FindingKind.MissingBlob, $"answers 404{Code(ex)}"),
        _ => Common(ex),
    };

    private static Issue Common(RegistryException ex) => ex switch
    {
        RegistryAuthException => new Issue(FindingKind.AccessDenied, ex.Message),
        RegistryUnreachableException => new Issue(FindingKind.Unreachable, ex.Message),
        _ => new Issue(FindingKind.Unreachable, $"unexpected answer: {ex.Message}"),
    };

    private static string Code(RegistryException ex) => ex.ErrorCode is null ? "" : $" ({ex.ErrorCode})";
}
