namespace RegistryGuard.Storage.Repositories;

/// <param name="Name">The path under <c>repositories/</c> with '/' separators, exactly as found on disk (not yet validated).</param>
/// <param name="FullPath">Reached from the root without a symbolic link.</param>
internal sealed record RepositoryDirectory(string Name, string FullPath);
