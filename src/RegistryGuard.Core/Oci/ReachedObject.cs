namespace RegistryGuard.Oci;

/// <summary>One object a <see cref="ReferenceWalk"/> reached: the root has no parent and no descriptor.</summary>
/// <param name="Parent">The manifest that first referenced it in this walk.</param>
/// <param name="Depth">0 for the root, 1 for what the root references, and so on through nested indexes.</param>
public readonly record struct ReachedObject(Digest Digest, ReferenceTarget Target, Digest? Parent, int Depth, Descriptor? Descriptor);
