namespace RegistryGuard.Storage.Repositories;

/// <summary>The valid links of one <c>sha256/&lt;hex&gt;/link</c> directory and what else was found there.</summary>
/// <param name="Hexes">The digests linked (each directory's link names its own directory).</param>
/// <param name="Complete">False when the directory, or a link in it, could not be read: absence then proves nothing.</param>
internal sealed record LinkSet(IReadOnlySet<string> Hexes, bool Complete, IReadOnlyList<LinkDefect> Defects)
{
    public static LinkSet Empty { get; } = new(new HashSet<string>(), Complete: true, []);
}
