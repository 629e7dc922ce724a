namespace RegistryGuard.Storage.Repositories;

/// <summary>An entry of a <c>sha256/</c> link directory that is not a valid link.</summary>
/// <param name="Hex">The digest directory's name, when the entry is one (its link is then what is wrong).</param>
/// <param name="Path">The entry (or its link file), relative to the v2 root, printable.</param>
/// <param name="Problem">What is wrong, worded to follow the path.</param>
internal sealed record LinkDefect(string? Hex, string Path, string Problem);
