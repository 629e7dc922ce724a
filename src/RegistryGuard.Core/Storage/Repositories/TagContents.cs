namespace RegistryGuard.Storage.Repositories;

/// <summary>One directory under <c>_manifests/tags</c>.</summary>
/// <param name="Name">The directory's name, as found (decodable, not yet validated).</param>
/// <param name="Current"><c>current/link</c>, with its modification time when it was read.</param>
/// <param name="CurrentPath"><c>current/link</c> relative to the v2 root.</param>
internal sealed record TagContents(string Name, bool ValidName, LinkRead Current, string CurrentPath)
{
    /// <summary><c>index/sha256/&lt;hex&gt;/link</c>: every digest the tag pointed at (when read).</summary>
    public LinkSet History { get; init; } = LinkSet.Empty;
}
