namespace RegistryGuard.Storage;

/// <summary>Something in the tree that was not read: a reader reports it and goes on.</summary>
/// <param name="Repository">The repository (or the directory under <c>repositories/</c>) it was met in, printable; "" outside any.</param>
/// <param name="Path">Where, relative to the v2 root, printable and bounded.</param>
/// <param name="Detail">Why it was not read.</param>
/// <param name="Entry">Which part of the layout <paramref name="Path"/> is.</param>
/// <param name="Name">The entry's own name, printable (for a repository directory: its path under <c>repositories/</c>).</param>
internal sealed record StorageProblem(StorageProblemKind Kind, string Repository, string Path, string Detail, StorageEntry Entry = StorageEntry.Other, string Name = "");
