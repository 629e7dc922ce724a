using RegistryGuard.Storage.Blobs;
using RegistryGuard.Storage.Repositories;

namespace RegistryGuard.Scanning;

/// <summary>
/// Everything the scan knows about one repository: what its directory holds, and the summary of every manifest
/// its revisions reach (through index children) whose bytes are on disk. Plain data: findings are derived from it
/// without touching the file system.
/// </summary>
internal sealed record RepositoryFacts(RepositoryContents Contents, IReadOnlyDictionary<string, ManifestSummary> Manifests);
