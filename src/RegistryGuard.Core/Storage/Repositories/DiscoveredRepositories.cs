namespace RegistryGuard.Storage.Repositories;

/// <param name="Repositories">In ordinal order of name; names are not validated yet.</param>
/// <param name="Unreadable">Why <c>repositories/</c> itself could not be listed, or null.</param>
internal sealed record DiscoveredRepositories(IReadOnlyList<RepositoryDirectory> Repositories, string? Unreadable = null);
