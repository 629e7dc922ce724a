using RegistryGuard.Common;

namespace RegistryGuard.Pruning.Planning;

public sealed record RepositoryRule(GlobPattern Match, PrunePolicy Policy);
