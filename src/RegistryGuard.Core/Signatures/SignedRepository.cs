using RegistryGuard.Oci;

namespace RegistryGuard.Signatures;

/// <summary>
/// What the walk learned about one repository that signature checking needs: the digest each tag (or the
/// reference verified) resolved to, every tag listed, and which digests named by <c>.sig</c> tags the walk saw served.
/// </summary>
/// <param name="Roots">Tag (null for a digest reference) and the digest it resolved to, for every root that resolved.</param>
/// <param name="ListedTags">Every tag of the repository, resolved or not, when the walk listed them (probe); null for
/// verify, which reads one reference: its signature tags are then asked for directly.</param>
/// <param name="Served">Digests known to be served, so their signature tags are not orphaned.</param>
public sealed record SignedRepository(string Name, IReadOnlyList<(string? Tag, Digest Digest)> Roots, IReadOnlySet<string>? ListedTags, IReadOnlySet<Digest> Served);
