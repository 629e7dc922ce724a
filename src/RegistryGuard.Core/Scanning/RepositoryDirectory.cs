namespace RegistryGuard.Scanning;

/// <param name="Name">The path under <c>repositories/</c> with '/' separators, exactly as found on disk (not yet validated).</param>
internal sealed record RepositoryDirectory(string Name, string FullPath);
