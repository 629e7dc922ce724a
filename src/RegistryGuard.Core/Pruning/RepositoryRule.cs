using RegistryGuard.Common;

namespace RegistryGuard.Pruning;

public sealed record RepositoryRule(GlobPattern Match, PrunePolicy Policy);
